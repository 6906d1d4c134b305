// Errors the policy engine throws. Messages are written for the person who typed the input:
// they say what is wrong and what to do, because the UI shows them as they are.

/** Input that makes no sense to the policy (negative or non-finite money, unknown contract type, bad date…). */
export class PolicyInputError extends Error {
  /** Every problem found, when more than one was checked at once (e.g. building a policy edition). */
  public readonly problems: string[];

  public constructor(message: string, problems?: string[]) {
    super(message);
    this.name = 'PolicyInputError';
    this.problems = problems && problems.length > 0 ? problems : [message];
    // Keeps `instanceof` working when the code is down-levelled to ES5 by a consumer's toolchain.
    Object.setPrototypeOf(this, PolicyInputError.prototype);
  }
}

/** A status change the procurement lifecycle does not allow (e.g. Draft straight to Awarded). */
export class IllegalTransitionError extends Error {
  public readonly from: string;
  public readonly to: string;

  public constructor(from: string, to: string, message: string) {
    super(message);
    this.name = 'IllegalTransitionError';
    this.from = from;
    this.to = to;
    Object.setPrototypeOf(this, IllegalTransitionError.prototype);
  }
}

/** A field-level problem, for forms: the field's name in the domain model and a message an officer understands. */
export interface FieldError {
  field: string;
  message: string;
}
