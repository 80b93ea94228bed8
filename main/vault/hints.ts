import type { SecretKind } from '../contract/vault.ts';

const MASK = '••••';
// Below this length the last four characters would give away too much of the value.
const MIN_LENGTH_FOR_TAIL = 12;

/** The masked hint shown in lists: the last four characters of a long text secret, nothing for keys, certificates or passphrases. */
export function maskedHint(kind: SecretKind, value: string): string | null {
  if (kind !== 'text') return null;
  const characters = Array.from(new Intl.Segmenter().segment(value.trim()), (part) => part.segment);
  if (characters.length < MIN_LENGTH_FOR_TAIL) return MASK;
  return `${MASK}${characters.slice(-4).join('')}`;
}
