import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { withStringFields } from '../../../main/signing/json-fields.ts';

const parsed = (text: string) => ({ text, value: JSON.parse(text) as Record<string, unknown> });

describe('withStringFields: a signature written into a JSON body', () => {
  it('keeps the body as written and adds the field after its last member', () => {
    const text = '{\n  "amount": 12.50,\n  "note": "a  b",\n  "n": 1e3\n}\n';
    expect(withStringFields(parsed(text), [['hmac', 'ab12']])).toBe('{\n  "amount": 12.50,\n  "note": "a  b",\n  "n": 1e3,"hmac":"ab12"\n}\n');
  });

  it('a compact body comes out exactly as JSON.stringify would write it', () => {
    const value = { username: 'alice', otp: '123456', nested: { a: [1, 2] } };
    const text = JSON.stringify(value);
    expect(withStringFields(parsed(text), [['unixTimestamp', '1700000000'], ['hmac', 'ff']])).toBe(
      JSON.stringify({ ...value, unixTimestamp: '1700000000', hmac: 'ff' }),
    );
  });

  it('an empty object takes the fields without a leading comma', () => {
    expect(withStringFields(parsed('{}'), [['hmac', 'x']])).toBe('{"hmac":"x"}');
    expect(withStringFields(parsed(' { \n } '), [['a', '1'], ['hmac', 'x']])).toBe(' {"a":"1","hmac":"x" \n } ');
  });

  it('a field already in the body is replaced where it stands (the body written out again)', () => {
    const text = '{ "hmac": "", "username": "alice" }';
    expect(withStringFields(parsed(text), [['hmac', 'abc']])).toBe('{"hmac":"abc","username":"alice"}');
  });

  it('names and values that need JSON escaping are escaped', () => {
    const out = withStringFields(parsed('{"a":1}'), [['we"ird\\name', 'line\nbreak "q"']]);
    expect(JSON.parse(out)).toEqual({ a: 1, 'we"ird\\name': 'line\nbreak "q"' });
  });

  it('for any object and indentation: parses to the object with the fields set, and keeps the original text up to the last member', () => {
    const key = fc.string({ maxLength: 6 }).filter((k) => k !== 'hmac' && k !== '__proto__');
    fc.assert(
      fc.property(fc.dictionary(key, fc.jsonValue({ maxDepth: 2 }), { maxKeys: 5 }), fc.constantFrom(undefined, 0, 2, '\t'), fc.string(), (value, indent, signature) => {
        const text = JSON.stringify(value, null, indent);
        const out = withStringFields(parsed(text), [['hmac', signature]]);
        expect(JSON.parse(out)).toEqual({ ...(JSON.parse(text) as object), hmac: signature });
        const lastMember = text.trimEnd().slice(0, -1).trimEnd();
        expect(out.startsWith(lastMember)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
