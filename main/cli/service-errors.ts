import { ServiceError } from '../contract/errors.ts';
import { EXIT } from './exit-codes.ts';
import { CliError } from './io.ts';

/**
 * A service's refusal as the CLI reports it. The message is the service's
 * own (already free of secret values); the exit code follows its code.
 */
export function toCliError(error: unknown): unknown {
  if (!(error instanceof ServiceError)) return error;
  const detail = error.issues?.length ? ` (${error.issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ')})` : '';
  return new CliError(`${error.message}${detail}`, exitCodeFor(error));
}

function exitCodeFor(error: ServiceError): number {
  switch (error.code) {
    case 'invalid_input':
    case 'not_found':
      return EXIT.usage;
    case 'internal':
      return EXIT.internal;
    default:
      // locked, forbidden (e.g. a wrong passphrase), failed, conflict: signing or configuration the user has to fix.
      // The protected-environment refusal has its own code, but the CLI checks that itself before any send.
      return EXIT.config;
  }
}

/** Runs a service call and turns its refusal into a CliError. */
export async function service<T>(call: () => Promise<T> | T): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw toCliError(error);
  }
}
