import { Redactor } from '../core/redactor.ts';

export { REDACTED, Redactor } from '../core/redactor.ts';

/** One-off redaction of a text by value (tests, small callers); a send or run keeps one Redactor instead. */
export function redact(text: string, secrets: Iterable<string>): string {
  return new Redactor().addAll(secrets).redactText(text);
}
