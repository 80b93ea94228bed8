/**
 * The way back from a redacted copy. Outputs of main pass through the ledger,
 * so a secret value typed literally into a request comes to the renderer as
 * `[redacted]`; when the renderer saves that request again, the placeholder
 * must not overwrite the value it stands for. Every string of the incoming
 * data that equals the redacted form of a string the stored data holds gets
 * that stored string back. Anything the user changed no longer matches and is
 * kept as typed.
 */
import { REDACTED, type Redactor } from './redactor.ts';

export function restoreRedacted<T>(incoming: T, stored: unknown, redactor: Redactor): T {
  const originals = new Map<string, string | null>();
  collect(stored, redactor, originals);
  if (originals.size === 0) return incoming;
  return walk(incoming, originals) as T;
}

/** redacted form -> the one stored string it came from; null when two different strings share it (left as is). */
function collect(value: unknown, redactor: Redactor, into: Map<string, string | null>): void {
  if (typeof value === 'string') {
    const shown = redactor.redactText(value);
    if (shown === value) return;
    const known = into.get(shown);
    into.set(shown, known === undefined || known === value ? value : null);
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  for (const item of Array.isArray(value) ? value : Object.values(value)) collect(item, redactor, into);
}

function walk(value: unknown, originals: ReadonlyMap<string, string | null>): unknown {
  if (typeof value === 'string') return value.includes(REDACTED) ? (originals.get(value) ?? value) : value;
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map((item) => walk(item, originals));
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, walk(item, originals)]));
}
