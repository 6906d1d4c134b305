// Every failure of the data layer reaches the UI as a DataError with a kind the UI can act on and a
// message it can show as it is. The SharePoint message is kept for administrators and support.

export type DataErrorKind =
  | 'not-found'
  | 'conflict'
  | 'validation'
  | 'throttled'
  | 'forbidden'
  | 'threshold'
  | 'duplicate'
  | 'network'
  | 'server';

export interface DataErrorDetails {
  /** For validation errors: the domain field (or list column) at fault. */
  field?: string;
  /** HTTP status, when SharePoint answered. */
  status?: number;
  /** SharePoint's own code and message (odata.error), for administrators. */
  spCode?: string;
  spMessage?: string;
  /** Which list the request was about. */
  list?: string;
}

export class DataError extends Error {
  public readonly kind: DataErrorKind;
  public readonly field?: string;
  public readonly status?: number;
  public readonly spCode?: string;
  public readonly spMessage?: string;
  public readonly list?: string;

  public constructor(kind: DataErrorKind, message: string, details: DataErrorDetails = {}) {
    super(message);
    this.name = 'DataError';
    this.kind = kind;
    this.field = details.field;
    this.status = details.status;
    this.spCode = details.spCode;
    this.spMessage = details.spMessage;
    this.list = details.list;
    // Keeps instanceof working when SPFx down-levels classes.
    Object.setPrototypeOf(this, new.target.prototype);
  }
}

/** Someone else saved the item since it was read (HTTP 412 on the item's ETag). */
export class ConflictError extends DataError {
  public constructor(what: string, details: DataErrorDetails = {}) {
    super('conflict', `${what} was changed by someone else — reload to see their changes.`, details);
    this.name = 'ConflictError';
  }
}

/** Input refused before anything was written, naming the field. */
export class ValidationError extends DataError {
  public readonly problems: { field: string; message: string }[];

  public constructor(problems: { field: string; message: string }[], list?: string) {
    super('validation', problems.map((p) => p.message).join(' '), { field: problems[0] ? problems[0].field : undefined, list });
    this.name = 'ValidationError';
    this.problems = problems;
  }
}

export function isDataError(e: unknown): e is DataError {
  return e instanceof DataError;
}
