import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formPrefilter } from '../../../main/core/form-prefilter.ts';
import { encodedForms, REDACTED, Redactor } from '../../../main/core/redactor.ts';

// Any character a text may hold, astral ones (surrogate pairs) included.
const text = fc.string({ unit: 'binary', maxLength: 120 });
const longSecret = fc.string({ unit: 'binary', minLength: 8, maxLength: 40 });

describe('the redactor prefilter says "no" only when no form is in the text', () => {
  it('finds every form of every secret wherever it sits in any text', () => {
    fc.assert(
      fc.property(fc.array(longSecret, { minLength: 1, maxLength: 4 }), text, text, fc.nat(), (secrets, before, after, pick) => {
        const forms = [...new Set(secrets.flatMap((secret) => encodedForms(secret)))];
        const mayHold = formPrefilter(forms);
        const form = forms[pick % forms.length] ?? '';
        // Every offset of the form against the prefilter's stride: a stride one too long skips some.
        for (let cut = 0; cut <= Math.min(before.length, 30); cut++) {
          const holding = `${before.slice(cut)}${form}${after}`;
          if (mayHold !== undefined) expect(mayHold(holding)).toBe(true);
        }
      }),
      { numRuns: 300, seed: 20261203 },
    );
  });

  it('gives the same redaction as before for generated long secrets in generated texts', () => {
    fc.assert(
      fc.property(fc.array(longSecret, { minLength: 1, maxLength: 3 }), fc.array(fc.oneof(text, fc.nat()), { minLength: 1, maxLength: 6 }), (secrets, pieces) => {
        const forms = secrets.flatMap((secret) => encodedForms(secret));
        // Texts built of generated pieces and the secrets' forms, each form at a different place.
        const texts = forms.map((form, i) => pieces.map((piece) => (typeof piece === 'number' ? (piece % 2 === 0 ? form : '') : piece)).join(i % 2 === 0 ? '' : ' '));
        const redactor = new Redactor().addAll(secrets);
        for (const held of texts) {
          const out = redactor.redactText(held);
          for (const secret of secrets) expect(out.includes(secret) && !REDACTED.includes(secret)).toBe(false);
          expect(redactor.holdsSecret(out)).toBe(false);
        }
      }),
      { numRuns: 200, seed: 20261203 },
    );
  });

  it('turns texts away that hold no form, and is left out where the forms are too short for it', () => {
    const forms = encodedForms('2YotnFZFEjr1zCsicMWpAA4f9bXk3Vh7pQe6');
    const mayHold = formPrefilter(forms);
    expect(mayHold).toBeDefined();
    expect(mayHold?.('Authorization: Bearer 2YotnFZFEjr1zCsicMWpAA4f9bXk3Vh7pQe6')).toBe(true);
    expect(mayHold?.('X-Timestamp: 1700000000\nX-Signature: 8df6e1bcd4489b0be9f8a98dd01785727fde8a3d07c1b791690e9eb12dd3b8e6')).toBe(false);
    expect(formPrefilter(['abc1234'])).toBeUndefined();
    expect(formPrefilter([])?.('anything at all')).toBe(false);
  });
});
