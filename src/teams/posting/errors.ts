// What went wrong with a Graph call, in words for the officer who clicked and in detail for the
// administrator who must fix it. Classification drives the outbox: what is retried, when, and what
// waits for a person.

export type PostErrorKind =
  | 'consent' // the tenant has not approved the Graph permission
  | 'unauthorized' // the sign-in expired or the token was refused
  | 'forbidden' // signed in, but not allowed in this team/channel
  | 'not-found' // the team or channel is gone, or the person left it
  | 'throttled' // 429 / 503: Teams asks us to slow down
  | 'too-large' // 413: over ~28 KB
  | 'bad-request' // 400: Teams refused the message as malformed
  | 'timeout' // no answer in time: the card may or may not have been posted
  | 'server' // 5xx
  | 'network'; // no answer at all

export interface PostError {
  kind: PostErrorKind;
  /** For the officer, ready to show. */
  message: string;
  /** For the administrator: Graph's status, code, message and request id as Graph sent them. */
  adminDetail: string;
  /** Worth trying again automatically. */
  retryable: boolean;
  /**
   * The post may have reached the channel (no answer, a gateway timeout, a server error): before it is sent
   * again the channel is searched for it.
   */
  inDoubt?: boolean;
  /** From Retry-After, when Graph said how long to wait. */
  retryAfterMs?: number;
  status?: number;
}

/** A failed Graph read (the settings picker), carrying the classified error. */
export class TeamsGraphError extends Error {
  public readonly failure: PostError;

  public constructor(failure: PostError) {
    super(failure.message);
    this.name = 'TeamsGraphError';
    this.failure = failure;
    Object.setPrototypeOf(this, new.target.prototype);
  }
}

/** Thrown by the poster's own timer; the request itself may still reach Teams. */
export class GraphTimeoutError extends Error {
  public constructor(ms: number) {
    super(`Microsoft Graph did not answer within ${Math.round(ms / 1000)} s.`);
    this.name = 'GraphTimeoutError';
    Object.setPrototypeOf(this, new.target.prototype);
  }
}

/**
 * The parts of graph-client's GraphError (and of SPFx token errors) this reads; all optional. The graph-client
 * SPFx 1.23 hands out at run time (3.0.2) sets statusCode, code, message, requestId, date and body but no
 * headers (microsoftgraph/msgraph-sdk-javascript added GraphError.headers in 3.0.3), so Retry-After is read
 * from the raw response where the poster has one (errorFromResponse) and from headers when a newer client
 * gives them.
 */
export interface ErrorLike {
  statusCode?: unknown;
  status?: unknown;
  code?: unknown;
  message?: unknown;
  body?: unknown;
  requestId?: unknown;
  date?: unknown;
  headers?: { get?: (name: string) => unknown }; // fetch's Headers
}

/**
 * A Graph error answer read from the raw response (graph-client's responseType 'raw'), in GraphError's shape plus
 * the headers: Graph's body is { error: { code, message, innerError: { 'request-id', date } } }.
 */
// eslint-disable-next-line @rushstack/no-new-null -- fetch's Headers.get answers null for a missing header
export function errorFromResponse(status: number, headers: { get(name: string): string | null }, bodyText: string): ErrorLike {
  let error: { code?: unknown; message?: unknown; innerError?: { 'request-id'?: unknown; date?: unknown } } = {};
  try {
    const parsed = JSON.parse(bodyText) as { error?: typeof error };
    if (parsed && typeof parsed.error === 'object' && parsed.error) error = parsed.error;
  } catch {
    // Not JSON (a proxy's page): the status says enough.
  }
  const inner = error.innerError || {};
  const date = typeof inner.date === 'string' ? new Date(inner.date) : undefined;
  return {
    statusCode: status,
    code: error.code,
    message: typeof error.message === 'string' ? error.message : bodyText.slice(0, 300),
    requestId: inner['request-id'] || headers.get('request-id') || undefined,
    date,
    headers,
  };
}

export const CONSENT_MESSAGE =
  "An administrator needs to approve the Social Value Hub's permission to post to Teams (ChannelMessage.Send) in the SharePoint admin centre — API access.";

function consentMessage(permission: string): string {
  return permission === 'ChannelMessage.Send'
    ? CONSENT_MESSAGE
    : `An administrator needs to approve the Social Value Hub's permission to read Teams (${permission}) in the SharePoint admin centre — API access.`;
}

/** Graph's error codes and messages for a token without the scope, or a tenant that never consented. */
const MISSING_SCOPE = /missing scope|scopes? on the request|insufficient privileges|requires one of|consent|AADSTS65001|AADSTS90094|invalid_grant/i;

function str(value: unknown): string {
  return typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value);
}

/** Seconds or an HTTP date, as Retry-After allows; undefined when absent or unreadable. */
export function parseRetryAfter(value: unknown, now: Date = new Date()): number | undefined {
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const seconds = Number(value);
  if (isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(value);
  return isNaN(at) ? undefined : Math.max(0, at - now.getTime());
}

function adminDetail(status: number | undefined, code: string, message: string, e: ErrorLike): string {
  const parts = [`Microsoft Graph ${status === undefined || status < 0 ? 'request failed' : `answered ${status}`}`];
  if (code) parts.push(`code ${code}`);
  const detail = [parts.join(', ') + (message ? `: ${message}` : '.')];
  const requestId = str(e.requestId);
  if (requestId) detail.push(`request-id ${requestId}`);
  if (e.date instanceof Date && !isNaN(e.date.getTime())) detail.push(`date ${e.date.toISOString()}`);
  return detail.join('; ');
}

export function classifyGraphError(error: unknown, context: { permission?: string; now?: Date } = {}): PostError {
  const permission = context.permission || 'ChannelMessage.Send';
  if (error instanceof GraphTimeoutError) {
    return {
      kind: 'timeout',
      message:
        'Teams did not answer in time, so the card may or may not have been posted. The hub looks for it in the taskforce channel before trying again, so it is never posted twice.',
      adminDetail: error.message,
      retryable: true,
      inDoubt: true,
    };
  }
  const e: ErrorLike = error && typeof error === 'object' ? (error as ErrorLike) : { message: str(error) };
  const rawStatus = Number(e.statusCode !== undefined ? e.statusCode : e.status);
  const status = isFinite(rawStatus) && rawStatus > 0 ? rawStatus : undefined;
  const code = str(e.code);
  const message = str(e.message) || str(e.body);
  const detail = adminDetail(status, code, message, e);
  const retryAfterMs = e.headers && typeof e.headers.get === 'function' ? parseRetryAfter(e.headers.get('Retry-After'), context.now) : undefined;
  const base = { adminDetail: detail, status };

  if ((status === 403 || status === 401 || status === undefined) && MISSING_SCOPE.test(`${code} ${message}`)) {
    return { ...base, kind: 'consent', message: consentMessage(permission), retryable: false };
  }
  switch (status) {
    case 401:
      return { ...base, kind: 'unauthorized', message: 'Your Microsoft 365 sign-in was refused or has expired. Reload the page and try again.', retryable: false };
    case 403:
      return {
        ...base,
        kind: 'forbidden',
        message: 'You are not allowed to post in the taskforce channel. Ask a team owner to add you to the team, or an administrator to choose another channel in the hub settings.',
        retryable: false,
      };
    case 404:
      return {
        ...base,
        kind: 'not-found',
        message: 'The taskforce channel was not found: it may have been deleted, or you are no longer a member of its team. An administrator can choose the channel again in the hub settings, then retry the card from the outbox.',
        retryable: false,
      };
    case 413:
      return { ...base, kind: 'too-large', message: 'The card is too large for Teams (about 28 KB at most). Shorten the quote or story and try again.', retryable: false };
    case 429:
    case 503:
      // A 503 may come from a gateway after the message was taken: in doubt. A 429 was refused outright.
      return { ...base, kind: 'throttled', message: 'Teams is busy and asked the hub to slow down. The card is kept in the outbox and will be posted shortly.', retryable: true, retryAfterMs, inDoubt: status === 503 };
    default:
  }
  if (status !== undefined && status >= 500) {
    return { ...base, kind: 'server', message: 'Teams had a problem receiving the card. It is kept in the outbox and will be retried.', retryable: true, retryAfterMs, inDoubt: true };
  }
  if (status !== undefined && status >= 400) {
    return { ...base, kind: 'bad-request', message: 'Teams refused the card. An administrator can see the details in the outbox.', retryable: false };
  }
  return { ...base, kind: 'network', message: 'The hub could not reach Teams (network). The card is kept in the outbox and will be retried.', retryable: true, inDoubt: true };
}
