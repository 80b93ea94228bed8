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
});
