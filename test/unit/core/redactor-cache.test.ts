import { describe, expect, it } from 'vitest';
import { REDACTED, Redactor } from '../../../main/core/redactor.ts';

// Forms and matchers are shared between redactors (signing builds one per trace); sharing must never change what each one redacts.
describe('redactors sharing cached forms and matchers', () => {
  it('each redacts exactly its own values, whatever others were built before', () => {
    const a = new Redactor().add('alpha-secret-1').add('bravo-secret-2');
    const b = new Redactor().add('bravo-secret-2');
    const text = 'alpha-secret-1 bravo-secret-2';
    expect(a.redactText(text)).toBe(`${REDACTED} ${REDACTED}`);
    expect(b.redactText(text)).toBe(`alpha-secret-1 ${REDACTED}`);
    // Same values, other order: the same answer.
    expect(new Redactor().add('bravo-secret-2').add('alpha-secret-1').redactText(text)).toBe(`${REDACTED} ${REDACTED}`);
  });

  it('does not confuse a value holding a separator with two values', () => {
    const joined = new Redactor().add('charlie-1\u0000delta-22');
    const split = new Redactor().add('charlie-1').add('delta-22');
    expect(joined.redactText('charlie-1')).toBe('charlie-1');
    expect(split.redactText('charlie-1')).toBe(REDACTED);
  });

  it('still redacts after another redactor was cleared (the vault locked)', () => {
    const send = new Redactor().add('echo-secret-3');
    expect(send.redactText('x echo-secret-3')).toBe(`x ${REDACTED}`);
    new Redactor().add('echo-secret-3').clear();
    expect(send.redactText('x echo-secret-3')).toBe(`x ${REDACTED}`);
    expect(new Redactor().add('echo-secret-3').redactText('echo-secret-3')).toBe(REDACTED);
  });

  it('keeps redacting its values, and values added later, after hundreds of other sets dropped the shared matchers', () => {
    const early = new Redactor().add('foxtrot-secret-4');
    expect(early.redactText('foxtrot-secret-4')).toBe(REDACTED);
    for (let i = 0; i < 600; i++) expect(new Redactor().add(`other-secret-${String(i)}`).add('golf-secret-5').redactText('golf-secret-5')).toBe(REDACTED);
    early.add('hotel-secret-6');
    expect(early.redactText('foxtrot-secret-4 hotel-secret-6 golf-secret-5')).toBe(`${REDACTED} ${REDACTED} golf-secret-5`);
  });

  it('a redactor that absorbed another knows its values and Basic pairs, and nothing more', () => {
    // 'merchant-1:' and 'someone-2:' are not whole base64 groups, so the secret's own base64 does not line up inside a pair.
    const pair = Buffer.from('merchant-1:india-secret-7').toString('base64');
    const source = new Redactor().addBasicPair('merchant-1', 'india-secret-7');
    const other = new Redactor().add('juliet-secret-8');
    const both = new Redactor().absorb(source).absorb(other);
    expect(both.redactText(`Basic ${pair} juliet-secret-8`)).toBe(`Basic ${REDACTED} ${REDACTED}`);
    expect(source.redactText('juliet-secret-8')).toBe('juliet-secret-8');
    // The same pair for another user is another value.
    expect(new Redactor().addBasicPair('someone-2', 'india-secret-7').redactText(`Basic ${pair}`)).toBe(`Basic ${pair}`);
  });
});
