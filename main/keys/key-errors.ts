import { ServiceError } from '../contract/errors.ts';

/** Why an offered private key was refused; stable so the wizard can react (e.g. focus the passphrase field). */
export type KeyImportProblem =
  | 'passphrase_required'
  | 'wrong_passphrase'
  | 'unsupported_encryption'
  | 'unreadable'
  | 'public_key'
  | 'certificate'
  | 'certificate_request'
  | 'not_rsa'
  | 'too_small'
  | 'too_large'
  | 'damaged'
  | 'several_keys';

/**
 * A refused import. The message says what was given and what is needed; it
 * never quotes the input, which may be a private key.
 */
export class KeyImportError extends ServiceError {
  readonly problem: KeyImportProblem;
  constructor(problem: KeyImportProblem, message: string) {
    super('invalid_input', message);
    this.name = 'KeyImportError';
    this.problem = problem;
  }
}

export const WHAT_IS_NEEDED =
  'Countersign needs an RSA private key of at least 2048 bits: PEM text starting with ' +
  '"-----BEGIN PRIVATE KEY-----", "-----BEGIN ENCRYPTED PRIVATE KEY-----" or "-----BEGIN RSA PRIVATE KEY-----", ' +
  'or the same key as a binary DER file (PKCS#8 or PKCS#1).';
