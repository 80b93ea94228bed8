/**
 * A signing failure a user should read: an unknown variable, a bad key, a
 * token endpoint that refused. Messages never hold a secret value; the runner
 * redacts them by value before they leave.
 */
export class SigningError extends Error {
  override readonly name = 'SigningError';
}

/** `{{name}}` or `{{secret:name}}` that has no value: named, never replaced by an empty string. */
export class UnknownVariableError extends SigningError {
  readonly variable: string;
  constructor(variable: string, message: string, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    this.variable = variable;
  }
}
