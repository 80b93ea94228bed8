import { MIN_SECRET_LENGTH } from '../core/redactor.ts';

/** Why a short value is weak, in the words every notice about one uses. */
const WHY =
  'outputs (traces, History, exports) hide a value this short only where it stands as a whole word (pin=4821 is hidden, 148210 is left as it is), and it is easy to guess. Use a longer one where the gateway allows it.';

/**
 * What storing a value under MIN_SECRET_LENGTH characters tells the user: it
 * is kept, but redacted only where it stands as a whole word (see
 * main/core/redactor.ts), and a value that short is easy to guess.
 */
export function shortValueNotice(value: string): { notice?: string } {
  if (value.length >= MIN_SECRET_LENGTH) return {};
  return { notice: `This value is shorter than ${String(MIN_SECRET_LENGTH)} characters: ${WHY}` };
}

/** The same notice for several stored values at once (a backup import), naming the short ones; nothing when none is short. */
export function shortValuesNotice(stored: readonly { environment: string; name: string; value: string }[]): { notice?: string } {
  const short = stored.filter((secret) => secret.value.length < MIN_SECRET_LENGTH).map((secret) => `${secret.name} (${secret.environment})`);
  if (short.length === 0) return {};
  const which = short.length === 1 ? `${short[0] ?? ''} is` : `${short.join(', ')} are`;
  return { notice: `${which} shorter than ${String(MIN_SECRET_LENGTH)} characters: ${WHY}` };
}
