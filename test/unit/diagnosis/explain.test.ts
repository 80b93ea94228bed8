import { describe, expect, it } from 'vitest';
import type { CompareReport, Difference } from '../../../main/contract/auth.ts';
import { diagnose, type DiagnosisFacts } from '../../../main/diagnosis/explain.ts';
import { parseExpected } from '../../../main/diagnosis/expected.ts';
import type { ComputedVariant, VariantCause } from '../../../main/signing/variants/types.ts';

const hex = (n: number) => n.toString(16).padStart(2, '0').repeat(32);
const variant = (id: string, cause: VariantCause, stringToSign: string, n: number, description = id): ComputedVariant => ({
  id,
  cause,
  description,
  stringToSign,
  signatureHex: hex(n),
  signatureBase64: Buffer.from(hex(n), 'hex').toString('base64'),
  key: 'elecsnet.control_key (Sandbox, 36 chars, sha256:0011223344556677)',
});
const SENT = variant('as-sent', 'as-sent', 'POST&http%3A%2F%2Fgw%2Fsale&a%3D1', 1);
const NO_DIFFERENCES: CompareReport = { matches: true, differences: [], summary: '' };
const differing = (...differences: Difference[]): CompareReport => ({ matches: false, differences, summary: '' });

function facts(over: Partial<DiagnosisFacts> & { expectedInput?: Parameters<typeof parseExpected>[0] }): DiagnosisFacts {
  const { expectedInput, ...rest } = over;
  return {
    kind: 'oauth1',
    variants: [SENT, variant('key.alternative-1', 'key_differs', SENT.stringToSign, 2, 'the key is the UAT value of elecsnet.control_key'), variant('encoding.plus-for-space', 'encoding', 'POST&x&a%3D1%2B', 3, "a space is encoded as '+' instead of %20")],
    timestamp: '1764763200',
    expected: parseExpected(expectedInput ?? {}),
    serverDateMs: undefined,
    compare: NO_DIFFERENCES,
    changedSecrets: [],
    keyNames: 'elecsnet.control_key in Sandbox',
    ...rest,
  };
}

describe('the one-sentence diagnosis', () => {
  it('equal base strings and a different signature: the key differs, naming the secret and the keys tried', () => {
    const d = diagnose(facts({ expectedInput: { baseString: SENT.stringToSign, signature: hex(9) } }));
    expect(d.cause).toBe('key_differs');
    expect(d.sentence).toBe(`The base strings are equal, so the key differs: the gateway does not sign with elecsnet.control_key in Sandbox (tried: ${SENT.key}; ${SENT.key}).`);
    expect(d.evidence).toContain('the base strings are equal');
  });

  it('equal base strings and no signature pasted: still the key', () => {
    expect(diagnose(facts({ expectedInput: { baseString: `${SENT.stringToSign}\n` } })).cause).toBe('key_differs');
  });

  it("the gateway's signature is the other environment's secret: says so", () => {
    const d = diagnose(facts({ expectedInput: { baseString: SENT.stringToSign, signature: hex(2) } }));
    expect(d.cause).toBe('key_differs');
    expect(d.sentence).toContain('the key is the UAT value of elecsnet.control_key');
  });

  it('everything equal is a match', () => {
    expect(diagnose(facts({ expectedInput: { baseString: SENT.stringToSign, signature: hex(1) } })).cause).toBe('match');
    expect(diagnose(facts({ expectedInput: { signature: Buffer.from(hex(1), 'hex').toString('base64') } })).cause).toBe('match');
  });

  it('a timestamp outside the window is clock skew, before anything else, with the numbers', () => {
    const d = diagnose(facts({ serverDateMs: (1764763200 + 901) * 1000, expectedInput: { baseString: SENT.stringToSign, signature: hex(9) } }));
    expect(d.cause).toBe('clock_skew');
    expect(d.sentence).toMatch(/^The timestamp 1764763200 is 901 s behind the gateway's clock \(its Date header\), outside a ±300 s window/);
    expect(diagnose(facts({ serverDateMs: (1764763200 - 120) * 1000, expectedInput: { baseString: SENT.stringToSign } })).cause).toBe('key_differs');
    expect(diagnose(facts({ serverDateMs: (1764763200 - 120) * 1000 })).sentence).toMatch(/within ±300 s .* \(120 s\)/);
  });

  it('a secret changed since the send comes first: its signature cannot be re-derived', () => {
    const ref = { name: 'elecsnet.control_key', environment: 'Sandbox', length: 36 };
    const d = diagnose(facts({ changedSecrets: [{ then: { ...ref, fingerprint: 'sha256:aaaa' }, now: { ...ref, fingerprint: 'sha256:bbbb' } }], expectedInput: { baseString: SENT.stringToSign } }));
    expect(d.cause).toBe('secret_changed');
    expect(d.sentence).toMatch(/^elecsnet\.control_key in Sandbox was changed after this request was sent \(fingerprint sha256:aaaa then, sha256:bbbb now\)/);
  });

  it("a base string that a variant produces names that variant's cause", () => {
    const d = diagnose(facts({ expectedInput: { baseString: 'POST&x&a%3D1%2B' } }));
    expect(d.cause).toBe('encoding');
    expect(d.sentence).toBe("The parameters are encoded differently: the gateway's base string is exactly what you get when a space is encoded as '+' instead of %20.");
  });

  it('without a variant, the component diff decides: encoding, a repeated parameter, a missing one, another send', () => {
    const base = { expectedInput: { baseString: 'POST&other' } };
    expect(diagnose(facts({ ...base, compare: differing({ component: 'encoding of order_desc', expected: 'a+b', actual: 'a%20b' }) })).cause).toBe('encoding');
    const repeated = diagnose(facts({ ...base, compare: differing({ component: 'parameter oauth_nonce', expected: 'n, n', actual: 'n', hint: 'the parameter repeats a different number of times' }) }));
    expect(repeated).toMatchObject({ cause: 'parameters', sentence: 'A parameter differs: oauth_nonce is repeated a different number of times.' });
    expect(diagnose(facts({ ...base, compare: differing({ component: 'parameter amount', expected: '10', actual: '(absent)' }) })).sentence).toBe('A parameter differs: amount is signed by the gateway but missing from the request.');
    const fresh = diagnose(facts({ ...base, compare: differing({ component: 'parameter oauth_nonce', expected: 'a', actual: 'b' }, { component: 'parameter oauth_timestamp', expected: '1', actual: '2' }) }));
    expect(fresh).toMatchObject({ cause: 'request_differs', sentence: expect.stringMatching(/belongs to another send/) as unknown });
    expect(diagnose(facts({ ...base, compare: differing({ component: 'URL', expected: 'https://a/x', actual: 'https://a/y' }) })).cause).toBe('request_differs');
  });

  it('only a signature: a variant that gives it names its cause; PayNet with none left is the key; else unknown', () => {
    const wrongInput = variant('paynet.timestamp-ms', 'wrong_input', '1764763200000', 4, 'the timestamp is in milliseconds (seconds × 1000)');
    const paynet = facts({ kind: 'paynet', variants: [SENT, wrongInput], keyNames: 'paynet.client_secret in UAT' });
    expect(diagnose({ ...paynet, expected: parseExpected({ xSignature: hex(4) }) })).toMatchObject({ cause: 'wrong_input', sentence: expect.stringContaining('milliseconds') as unknown });
    expect(diagnose({ ...paynet, expected: parseExpected({ xSignature: hex(8) }) })).toMatchObject({ cause: 'key_differs', sentence: expect.stringContaining('paynet.client_secret in UAT') as unknown });
    expect(diagnose(facts({ expectedInput: { signature: hex(8) } })).cause).toBe('unknown');
  });

  it('nothing to go on says what to paste', () => {
    expect(diagnose(facts({ timestamp: null })).sentence).toMatch(/^Nothing to compare yet: paste/);
  });
});
