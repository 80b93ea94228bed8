import { MIN_SECRET_LENGTH } from '../core/redactor.ts';

/**
 * What storing a value under MIN_SECRET_LENGTH characters tells the user: it
 * is kept, but redacted only where it stands as a whole word (see
 * main/core/redactor.ts), and a value that short is easy to guess.
 */
export function shortValueNotice(value: string): { notice?: string } {
  if (value.length >= MIN_SECRET_LENGTH) return {};
  return {
    notice:
      `This value is shorter than ${String(MIN_SECRET_LENGTH)} characters: outputs (traces, History, exports) hide it only where it stands as a whole word ` +
      '(pin=4821 is hidden, 148210 is left as it is), and a value this short is easy to guess. Use a longer one where the gateway allows it.',
  };
}
