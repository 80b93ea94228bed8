import { describe, expect, it } from 'vitest';
import { BINARY_REDACTED_NOTE, MIN_SECRET_LENGTH, REDACTED, Redactor } from '../../../main/core/redactor.ts';
import { pythonForms } from './python-forms.ts';

const SECRET = 'k3y/with+odd chars=&é!';
// 'merchant-1:' is 11 bytes, so the secret's own base64 does not line up inside the pair's.
const USER = 'merchant-1';

const forms = pythonForms(SECRET, USER);

describe('Redactor: every encoded form of a secret', () => {
  const redactor = new Redactor().addBasicPair(USER, SECRET);
  for (const [name, form] of Object.entries(forms)) {
    it(`removes the ${name} form (${form})`, () => {
      const text = `before ${form} after`;
      const out = redactor.redactText(text);
      expect(out).toBe(`before ${REDACTED} after`);
      expect(redactor.holdsSecret(text)).toBe(true);
    });
  }

  it('removes the basic pair only when it knows the user', () => {
    expect(new Redactor().add(SECRET).redactText(`Basic ${forms['basic pair'] ?? ''}`)).not.toContain(REDACTED);
  });

  it('removes a secret that holds another whole (longest form first)', () => {
    const inner = 'abcdef123';
    const outer = `${inner}-and-more`;
    expect(new Redactor().add(inner).add(outer).redactText(`x=${outer}`)).toBe(`x=${REDACTED}`);
  });

  it(`cuts values shorter than ${String(MIN_SECRET_LENGTH)} characters only as whole tokens, ignores "" and leaves text without secrets as it was`, () => {
    const redactor = new Redactor().add('abc12').add('');
    expect(redactor.size).toBe(1);
    expect(redactor.redactText('abc12 goes, xabc12 stays')).toBe(`${REDACTED} goes, xabc12 stays`);
    const plain = { a: ['no secret here'], b: 1 };
    expect(new Redactor().add('longsecret').redactDeep(plain)).toBe(plain);
  });

  it('treats regular-expression characters in a secret literally', () => {
    const redactor = new Redactor().add('a.b*c+d?(e)[f]{g}|h^$\\');
    expect(redactor.redactText('aXb*c+d?(e)[f]{g}|h^$\\')).toBe('aXb*c+d?(e)[f]{g}|h^$\\');
    expect(redactor.redactText('<a.b*c+d?(e)[f]{g}|h^$\\>')).toBe(`<${REDACTED}>`);
  });
});

describe('Redactor.redactDeep', () => {
  const secret = 'sk_live_0123456789';
  const redactor = new Redactor().add(secret);

  it('walks objects and arrays, copying only what changed', () => {
    const untouched = { name: 'kept' };
    const value = { url: `https://x/?key=${secret}`, list: [untouched, `Bearer ${secret}`], n: 3, nothing: null };
    const out = redactor.redactDeep(value);
    expect(out).toEqual({ url: `https://x/?key=${REDACTED}`, list: [untouched, `Bearer ${REDACTED}`], n: 3, nothing: null });
    expect(out.list[0]).toBe(untouched);
    expect(value.url).toContain(secret);
  });

  it('replaces a binary preview that holds a secret by a note', () => {
    const bytes = Buffer.concat([Buffer.from([0, 1, 2]), Buffer.from(secret), Buffer.from([255])]);
    const preview = { encoding: 'base64', data: bytes.toString('base64'), truncated: false };
    expect(redactor.redactDeep(preview)).toEqual({ encoding: 'utf8', data: BINARY_REDACTED_NOTE, truncated: false });
    expect(redactor.redactDeep(bytes).toString('utf8')).toBe(BINARY_REDACTED_NOTE);
    const clean = { encoding: 'base64', data: Buffer.from([0, 1, 2, 3, 4, 5, 6, 7]).toString('base64'), truncated: false };
    expect(redactor.redactDeep(clean)).toBe(clean);
  });

  it('finds a non-ASCII secret inside binary bytes', () => {
    const unicode = new Redactor().add('pässwörd-1');
    expect(unicode.redactDeep(Buffer.from('\u0000pässwörd-1\u0000', 'utf8')).toString()).toBe(BINARY_REDACTED_NOTE);
  });

  it('gives a log a copy of an error with message and stack redacted, leaving the error itself alone', () => {
    const error = new TypeError(`bad key ${secret}`);
    const logged = redactor.redactError(error) as Error;
    expect(logged.name).toBe('TypeError');
    expect(logged.message).toBe(`bad key ${REDACTED}`);
    expect(logged.stack).not.toContain(secret);
    expect(error.message).toContain(secret);
    expect(redactor.redactError({ detail: secret })).toEqual({ detail: REDACTED });
  });

  it('absorbs another redactor and clears', () => {
    const run = new Redactor().absorb(redactor);
    expect(run.redactText(secret)).toBe(REDACTED);
    run.clear();
    expect(run.redactText(secret)).toBe(secret);
  });

  it('stays fast on a large output: 10,000 request-like objects with 50 secrets known', () => {
    const many = new Redactor();
    for (let i = 0; i < 50; i++) many.add(`secret-value-number-${String(i)}-xyz`);
    const doc = Array.from({ length: 10_000 }, (_, i) => ({
      id: `req-${String(i)}`,
      name: `Invoice ${String(i)}`,
      url: `{{baseUrl}}/v1/invoices/${String(i)}?expand=lines`,
      headers: [{ name: 'Content-Type', value: 'application/json' }],
      body: `{"amount":${String(i)},"currency":"MYR","note":"order ${String(i)}"}`,
    }));
    const start = performance.now();
    const out = many.redactDeep(doc);
    const elapsed = performance.now() - start;
    expect(out).toBe(doc);
    // Generous bound for a shared 2-core machine; the figure itself is in the report.
    expect(elapsed).toBeLessThan(1000);
  });
});
