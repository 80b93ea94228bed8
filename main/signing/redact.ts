import { percentEncode } from './percent-encode.ts';

export const REDACTED = '[redacted]';

/**
 * The forms a secret takes on its way into a request: as typed, percent-encoded
 * (OAuth keys, form bodies, base strings encode it once or twice) and JSON-escaped.
 */
export function secretForms(secret: string): string[] {
  if (secret === '') return [];
  const once = percentEncode(secret);
  const forms = new Set([
    secret,
    once,
    percentEncode(once),
    encodeURIComponent(secret),
    new URLSearchParams({ s: secret }).toString().slice(2),
    JSON.stringify(secret).slice(1, -1),
  ]);
  forms.delete('');
  return [...forms];
}

/** Every form of every secret, longest first, so a secret that contains another is removed whole. */
function formsOf(secrets: Iterable<string>): string[] {
  return [...new Set([...secrets].flatMap(secretForms))].sort((a, b) => b.length - a.length);
}

function replaceForms(text: string, forms: readonly string[]): string {
  let out = text;
  for (const form of forms) {
    if (out.includes(form)) out = out.split(form).join(REDACTED);
  }
  return out;
}

/** Replaces every occurrence of every secret, in each of its encoded forms, by `[redacted]`. */
export function redact(text: string, secrets: Iterable<string>): string {
  return replaceForms(text, formsOf(secrets));
}

/** A reusable redactor: the encoded forms are worked out once, not per call. */
export function redactorFor(secrets: Iterable<string>): (text: string) => string {
  const forms = formsOf(secrets);
  return (text) => replaceForms(text, forms);
}
