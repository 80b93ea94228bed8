import type { CLIPBOARD_CLEAR_SECONDS, MIN_PASSPHRASE_CHARS } from '../../../../main/contract/vault.ts';

// The renderer may not import runtime code from main; typing these constants
// with the contract's literal types makes the compiler keep them equal.
export const MIN_PASSPHRASE: typeof MIN_PASSPHRASE_CHARS = 8;
export const CLIPBOARD_SECONDS: typeof CLIPBOARD_CLEAR_SECONDS = 30;

export const DEFAULT_ENVIRONMENTS = ['Sandbox', 'UAT', 'Production'] as const;
