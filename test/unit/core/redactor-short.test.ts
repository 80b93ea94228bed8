import { describe, expect, it } from 'vitest';
import { BINARY_REDACTED_NOTE, REDACTED, Redactor } from '../../../main/core/redactor.ts';
import { pythonForms } from './python-forms.ts';

// A short secret with characters every encoder treats differently (4 characters, one non-ASCII), and a 4-digit PIN.
const SHORT = 'p@ś!';
const PIN = '4821';
const USER = 'merchant-1';

const formsOf = (secret: string) => pythonForms(secret, USER);

describe('a short secret (under 6 characters) is redacted as a whole token', () => {
  for (const secret of [SHORT, PIN]) {
    const redactor = new Redactor().addBasicPair(USER, secret);
    for (const [name, form] of Object.entries(formsOf(secret))) {
      it(`removes ${JSON.stringify(secret)} as its ${name} form (${form}) where nothing touches it`, () => {
        for (const text of [`k=${form}&next=1`, `{"k":"${form}"}`, `X-Pin: ${form}`, `Basic ${form}`, form]) {
          expect(redactor.redactText(text)).not.toContain(form);
          expect(redactor.redactText(text)).toContain(REDACTED);
          expect(redactor.holdsSecret(text)).toBe(true);
        }
      });
    }
  }

  it('finds a PIN in query strings, JSON, headers and Basic credentials', () => {
    const redactor = new Redactor().addBasicPair('merchant', PIN);
    expect(redactor.redactText('pin=4821')).toBe(`pin=${REDACTED}`);
    expect(redactor.redactText('{"pin":"4821","amount":100}')).toBe(`{"pin":"${REDACTED}","amount":100}`);
    expect(redactor.redactText('{"pin":4821}')).toBe(`{"pin":${REDACTED}}`);
    expect(redactor.redactText(`Authorization: Basic ${Buffer.from('merchant:4821').toString('base64')}`)).toBe(`Authorization: Basic ${REDACTED}`);
    expect(redactor.redactText('PIN 4821.')).toBe(`PIN ${REDACTED}.`);
    expect(redactor.redactText('pin_4821')).toBe(`pin_${REDACTED}`);
    // Neither punctuation nor an emoji (an astral character) makes it part of a word.
    expect(redactor.redactText('“4821”, 😀4821😀')).toBe(`“${REDACTED}”, 😀${REDACTED}😀`);
  });

  it('leaves it alone inside a longer run of letters or digits, in any script', () => {
    const redactor = new Redactor().add(PIN);
    // é, ß, the Arabic-Indic ٣ and the astral 𝟒 (MATHEMATICAL BOLD DIGIT FOUR) are letters and digits too.
    for (const text of ['order 148210', 'id=4821a', 'x4821', 'amount 48210.00', 'é4821', '4821ß', '٣4821', '𝟒4821', '4821𝟒', 'ref 1.4821x']) {
      expect(redactor.redactText(text)).toBe(text);
      expect(redactor.holdsSecret(text)).toBe(false);
    }
    // Its base64 (NDgyMQ) inside a longer base64 run is not it either.
    expect(redactor.redactText('token=QUJDNDgyMQxyz')).toBe('token=QUJDNDgyMQxyz');
  });

  it('keeps long secrets matched anywhere next to short ones', () => {
    const long = 'sk_live_9f8e7d6c';
    const redactor = new Redactor().add(long).add(PIN);
    expect(redactor.redactText(`key=${long}4821&pin=4821&n=148210`)).toBe(`key=${REDACTED}4821&pin=${REDACTED}&n=148210`);
    // A long secret that holds the short one is removed whole.
    const holder = new Redactor().add('4821').add('acct-4821-x');
    expect(holder.redactText('a=acct-4821-x b=4821')).toBe(`a=${REDACTED} b=${REDACTED}`);
    // A long value's form that happens to equal a short value's form is still matched anywhere.
    const shared = new Redactor().add('ab').add('xab6162');
    expect(shared.redactText('zzxab6162zz and ab and 6162')).toBe(`zz${REDACTED}zz and ${REDACTED} and ${REDACTED}`);
  });

  it('walks outputs: strings, and binary previews only where the value stands alone', () => {
    const redactor = new Redactor().add(PIN);
    const out = redactor.redactDeep({ trace: ['pin=4821'], count: 4821, id: 'inv-148210', body: Buffer.from('pin=4821;'), other: Buffer.from('no 148210') });
    expect(out.trace).toEqual([`pin=${REDACTED}`]);
    expect(out.count).toBe(4821);
    expect(out.id).toBe('inv-148210');
    expect(Buffer.from(out.body).toString('utf8')).toBe(BINARY_REDACTED_NOTE);
    expect(Buffer.from(out.other).toString('utf8')).toBe('no 148210');
  });

  it('counts among the values, is absorbed and cleared like any other', () => {
    const redactor = new Redactor().add(PIN).add('');
    expect(redactor.values()).toEqual([PIN]);
    const run = new Redactor().absorb(redactor);
    expect(run.redactText('pin 4821')).toBe(`pin ${REDACTED}`);
    run.clear();
    expect(run.redactText('pin 4821')).toBe('pin 4821');
  });

  it('a custom replacement (curl placeholders) works for short values too', () => {
    expect(new Redactor().add(PIN).redactText('-u merchant:4821', '$PIN')).toBe('-u merchant:$PIN');
  });
});
