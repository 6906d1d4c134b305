import type { FieldError } from '../../domain';

/** The message for one field, to show under it (Fluent's Field validationMessage), or undefined. */
export function messageFor(errors: readonly FieldError[] | undefined, field: string): string | undefined {
  const messages = (errors ?? []).filter((e) => e.field === field).map((e) => e.message);
  return messages.length ? messages.join(' ') : undefined;
}

/** Props for a Fluent Field that shows the field's error, if any. */
export function fieldState(errors: readonly FieldError[] | undefined, field: string): {
  validationMessage?: string;
  validationState?: 'error';
} {
  const message = messageFor(errors, field);
  return message ? { validationMessage: message, validationState: 'error' } : {};
}
