import type { KEY_SIZES, KeySize } from '../../../../main/contract/keys.ts';

// The renderer may not import runtime code from main; these copies carry the
// contract's types so the compiler notices if the sizes there change.
export const SIZES: typeof KEY_SIZES = [2048, 3072, 4096];
/** The contract's DEFAULT_KEY_SIZE. */
export const DEFAULT_SIZE: KeySize = 4096;

/** Generation uses this public exponent (F4); shown, not chosen. */
export const PUBLIC_EXPONENT = 65537;

/** Same rule as the contract's KeyName; checked here only to explain early, main decides. */
export const KEY_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
export const KEY_NAME_MAX = 64;

/** The contract's ExportPassphrase minimum. */
export const MIN_EXPORT_PASSPHRASE = 8;

/** main/keys/read-key-file.ts reads at most this much of a picked key file. */
export const MAX_KEY_FILE_BYTES = 48 * 1024;

export function keyNameProblem(name: string, taken: readonly string[] = []): string | null {
  if (name === '') return null;
  if (taken.includes(name)) return `A key named ${name} already exists here. Choose another name, or use Rotate on that key to replace it.`;
  if (name.length > KEY_NAME_MAX) return `A key name has at most ${KEY_NAME_MAX} characters.`;
  if (!KEY_NAME_PATTERN.test(name)) return 'Use letters, digits, dot, dash or underscore, starting with a letter or digit.';
  return null;
}
