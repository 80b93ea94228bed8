import { z } from 'zod';

/**
 * What a failed call tells the caller. Codes are stable so the UI and the CLI
 * can react to them; messages are for people and never hold a stack trace or
 * a secret value.
 */
export const ErrorCode = z.enum([
  'unknown_channel',
  'invalid_input',
  'forbidden',
  'not_found',
  'conflict',
  'locked',
  // The vault's refusals when a secret is needed, each with its own remedy (Create, Add, Restore; 'locked' means Unlock).
  'vault_absent',
  'secret_missing',
  'vault_damaged',
  // A vault secret would go to a host it is not bound to; the user may allow it with the vault passphrase.
  'secret_host_refused',
  // A secret provider after the vault (pass, ...) failed in a way the user must fix: not installed, locked key, refused.
  'secret_provider_failed',
  'failed',
  'internal',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ErrorIssue = z.object({ path: z.string(), message: z.string() });
export type ErrorIssue = z.infer<typeof ErrorIssue>;

export const ContractErrorShape = z.object({
  code: ErrorCode,
  message: z.string(),
  issues: z.array(ErrorIssue).optional(),
});
export type ContractErrorShape = z.infer<typeof ContractErrorShape>;

/** Every door carries this envelope, so a failure looks the same in Electron, the browser and the CLI. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ContractErrorShape };

/** Thrown by services for failures a user should read; anything else becomes `internal`. */
export class ServiceError extends Error {
  readonly code: ErrorCode;
  readonly issues: ErrorIssue[] | undefined;
  constructor(code: ErrorCode, message: string, issues?: ErrorIssue[]) {
    super(message);
    this.name = 'ServiceError';
    this.code = code;
    this.issues = issues;
  }
}
