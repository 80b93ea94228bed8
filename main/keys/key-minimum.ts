import { KeyImportError } from './key-errors.ts';

/** The smallest RSA key Countersign signs with, wherever the key came from (import, generation, vault set). */
export const MIN_RSA_BITS = 2048;

/** The one key-size check: import, generation and every vault write of an rsa_private_key go through it. */
export function checkKeyMinimum(bits: number): void {
  if (bits < MIN_RSA_BITS) {
    throw new KeyImportError('too_small', `This RSA key has ${bits} bits, which is too weak to use. Use a key of at least ${MIN_RSA_BITS} bits (4096 recommended); Countersign can generate one.`);
  }
}
