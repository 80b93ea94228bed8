import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DiagnosisReport, VariantsReport } from '../../../main/contract/diagnosis.ts';
import type { SendOutcome } from '../../../main/requests/request-service.ts';
import { FAULT_SECRETS } from '../../../main/sandbox/faults.ts';
import { SANDBOX_CREDENTIALS } from '../../../main/sandbox/credentials.ts';
import { centagateConcatenated, diagnosisBackend, elecsnetLine, expectNoSecrets, paynetDebug } from './harness.ts';

type Harness = Awaited<ReturnType<typeof diagnosisBackend>>;
const FAULT_VALUES = Object.values(FAULT_SECRETS);

function bodyOf(sent: SendOutcome): string {
  if (!sent.outcome.ok) throw new Error(`no response: ${sent.outcome.error.message}`);
  return sent.outcome.response.preview.data;
}

async function sendAndExplain(h: Harness, path: string, expected: (body: string) => Record<string, string>): Promise<{ sent: SendOutcome; report: DiagnosisReport }> {
  const sent = await h.backend.requests.send(await h.ids(path));
  await h.backend.history.flush();
  const report = await h.call<DiagnosisReport>('diagnosis:explain', { source: { historyId: sent.historyId }, expected: expected(bodyOf(sent)) });
  expectNoSecrets(report, FAULT_VALUES);
  return { sent, report };
}

describe('the sandbox holds another secret or key than the vault', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await diagnosisBackend({ wrongSecret: ['centagate', 'elecsnet'], wrongKey: ['elecsnet'], paynetSignature: 'other-secret' });
  });
  afterAll(async () => {
    await h.close();
  });

  it('Elecsnet HMAC-SHA1: the base strings are equal, so the key differs', async () => {
    const { sent, report } = await sendAndExplain(h, 'Elecsnet/Sale (HMAC-SHA1)', (body) => ({ baseString: elecsnetLine(body, 'sandbox-signature-base-string') }));
    expect(sent.outcome.ok && sent.outcome.response.status).toBe(403);
    expect(report).toMatchObject({ cause: 'key_differs', reDerived: true });
    expect(report.sentence).toMatch(/^The base strings are equal, so the key differs: .*elecsnet\.control_key in Sandbox/);
    expect(report.compare.differences).toEqual([]);
    expect(report.secrets[0]).toMatchObject({ name: 'elecsnet.control_key', environment: 'Sandbox', changedSince: false });
  });

  it("Elecsnet from the gateway's raw log: the base string is rebuilt from it; a host rewritten by a proxy is named", async () => {
    const sent = await h.backend.requests.send(await h.ids('Elecsnet/Sale (HMAC-SHA1)'));
    const call = sent.exchanges?.find((e) => e.role === 'call');
    const url = new URL(call?.request?.url ?? '');
    const raw = (host: string) =>
      [`POST ${url.pathname} HTTP/1.1`, `Host: ${host}`, ...(call?.request?.headers.map((hd) => `${hd.name}: ${hd.value}`) ?? []), '', call?.request?.bodyPreview ?? ''].join('\r\n');
    const asReceived = await h.call<DiagnosisReport>('diagnosis:explain', { source: { historyId: sent.historyId }, expected: { rawRequest: raw(url.host) } });
    expect(asReceived.cause).toBe('key_differs');
    expect(asReceived.evidence).toContain('the raw request carries the signature that was sent: it reached the gateway unchanged');
    const proxied = await h.call<DiagnosisReport>('diagnosis:explain', { source: { historyId: sent.historyId }, expected: { rawRequest: raw('gateway.internal:8080') } });
    expect(proxied.cause).toBe('request_differs');
    expect(proxied.compare.differences[0]).toMatchObject({ component: 'URL', hint: 'the host differs (letter case or name)' });
    expectNoSecrets([asReceived, proxied]);
  });

  it('a secret changed in the vault since the send is named with both fingerprints; put back, the send re-derives again', async () => {
    const { sent } = await sendAndExplain(h, 'Elecsnet/Sale (HMAC-SHA1)', () => ({}));
    const base = elecsnetLine(bodyOf(sent), 'sandbox-signature-base-string');
    const rotated = 'ROTATED0-1111-4222-8333-944455556666';
    await h.setSecret('elecsnet.control_key', rotated);
    const report = await h.call<DiagnosisReport>('diagnosis:explain', { source: { historyId: sent.historyId }, expected: { baseString: base } });
    expect(report).toMatchObject({ cause: 'secret_changed', reDerived: false });
    expect(report.sentence).toMatch(/^elecsnet\.control_key in Sandbox was changed after this request was sent \(fingerprint sha256:[0-9a-f]{16} then, sha256:[0-9a-f]{16} now\)/);
    expect(report.secrets[0]?.changedSince).toBe(true);
    expectNoSecrets(report, [rotated]);
    await h.setSecret('elecsnet.control_key', SANDBOX_CREDENTIALS.elecsnet.controlKey);
    const again = await h.call<DiagnosisReport>('diagnosis:explain', { source: { historyId: sent.historyId }, expected: { baseString: base } });
    expect(again).toMatchObject({ cause: 'key_differs', reDerived: true });
  });

  it('Elecsnet RSA-SHA256: the base strings are equal, so the key differs; the public key fingerprint is shown', async () => {
    const { report } = await sendAndExplain(h, 'Elecsnet/Sale (RSA-SHA256)', (body) => ({ baseString: elecsnetLine(body, 'sandbox-signature-base-string') }));
    expect(report.cause).toBe('key_differs');
    expect(report.sentence).toContain('elecsnet.merchant_private_key in Sandbox');
    expect(report.keysTried.map((k) => k.description).join('\n')).toMatch(/PKCS#8[\s\S]*PKCS#1/);
    expect(report.evidence.join('\n')).toMatch(/SHA-256 fingerprint [0-9a-f]{64}/);
  });

  it('CENTAGATE: the concatenation is equal, so the key differs', async () => {
    const { report } = await sendAndExplain(h, 'CENTAGATE/authQRCode (transaction)', (body) => ({ baseString: centagateConcatenated(body) }));
    expect(report.cause).toBe('key_differs');
    expect(report.sentence).toContain('centagate.secret_key in Sandbox');
  });

  it("PayNet X-Signature: the gateway's expected signature is over the same timestamp, so the key differs", async () => {
    const { report } = await sendAndExplain(h, 'PayNet OSP/Request a report', (body) => ({ xSignature: String(paynetDebug(body).signatureExpected) }));
    expect(report.cause).toBe('key_differs');
    expect(report.sentence).toContain('paynet.client_secret in Sandbox');
  });

  it("PayNet: when the gateway's key is another environment's value of the same secret, the diagnosis names that environment", async () => {
    // The mix-up: the gateway was given UAT's secret. The vault has it under the same name in UAT.
    await h.setSecret('paynet.client_secret', FAULT_SECRETS.paynetSignatureSecret, 'UAT');
    const { report } = await sendAndExplain(h, 'PayNet OSP/Request a report', (body) => ({ xSignature: String(paynetDebug(body).signatureExpected) }));
    expect(report.cause).toBe('key_differs');
    expect(report.sentence).toMatch(/exactly what you get when the key is the UAT value of paynet\.client_secret \(\d+ chars, sha256:[0-9a-f]{16}\)\.$/);
    expect(report.keysTried.filter((key) => key.matches).map((key) => key.description)).toEqual([expect.stringMatching(/^the UAT value of paynet\.client_secret/)]);
  });
});

describe('the sandbox clock runs 15 minutes ahead', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await diagnosisBackend({ clockSkewSeconds: 900 });
  });
  afterAll(async () => {
    await h.close();
  });

  // Nothing pasted but what the gateway already answered: its Date header is in History.
  for (const path of ['Elecsnet/Sale (HMAC-SHA1)', 'CENTAGATE/authQRCode (transaction)', 'PayNet OSP/Request a report']) {
    it(`${path}: the timestamp is outside the gateway's window`, async () => {
      const { report } = await sendAndExplain(h, path, () => ({}));
      expect(report.cause).toBe('clock_skew');
      expect(report.sentence).toMatch(/is (89\d|90\d) s behind the gateway's clock/);
    });
  }
});

describe('the sandbox reads the docs another way', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await diagnosisBackend({ centagateOrder: 'parameter-table', encoding: 'plus-for-space', paynetSignature: 'timestamp-ms' });
  });
  afterAll(async () => {
    await h.close();
  });

  it("CENTAGATE: the gateway concatenates in the parameter table's order", async () => {
    // With every optional field absent both orders give the same string: send two of them, as a browser flow does.
    const { requestId } = await h.ids('CENTAGATE/authQRCode (transaction)');
    const node = await h.call<{ body: { kind: string; text: string } }>('workspace:get', { id: requestId });
    const body = { ...(JSON.parse(node.body.text) as Record<string, string>), ipAddress: '203.0.113.7', userAgent: 'Mozilla/5.0 (X11)' };
    await h.call('workspace:update-request', { id: requestId, patch: { body: { ...node.body, text: JSON.stringify(body) } } });
    const { report } = await sendAndExplain(h, 'CENTAGATE/authQRCode (transaction)', (body) => ({ baseString: centagateConcatenated(body) }));
    expect(report.cause).toBe('field_order');
    expect(report.sentence).toContain("the fields follow the parameter table's order");
  });

  it("Elecsnet: the gateway encodes a space as '+'", async () => {
    const { report } = await sendAndExplain(h, 'Elecsnet/Sale (HMAC-SHA1)', (body) => ({ baseString: elecsnetLine(body, 'sandbox-signature-base-string') }));
    expect(report.cause).toBe('encoding');
    expect(report.sentence).toContain("a space is encoded as '+'");
  });

  it('PayNet: the gateway signs the timestamp in milliseconds, and "try the variants" finds it', async () => {
    const { sent, report } = await sendAndExplain(h, 'PayNet OSP/Request a report', (body) => ({ xSignature: String(paynetDebug(body).signatureExpected) }));
    expect(report.cause).toBe('wrong_input');
    expect(report.sentence).toContain('milliseconds');
    const variants = await h.call<VariantsReport>('diagnosis:variants', { source: { historyId: sent.historyId }, expected: { xSignature: String(paynetDebug(bodyOf(sent)).signatureExpected) } });
    expect(variants.matched).toBe('paynet.timestamp-ms');
    expect(variants.variants.filter((v) => v.matches).map((v) => v.id)).toEqual(['paynet.timestamp-ms']);
    expectNoSecrets(variants);
  });
});

describe('optional fields and double encoding', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await diagnosisBackend({ centagateAbsentAs: 'null', encoding: 'double', paynetSignature: 'client-id-key' });
  });
  afterAll(async () => {
    await h.close();
  });

  it('CENTAGATE: absent optional fields are concatenated as "null"', async () => {
    const { report } = await sendAndExplain(h, 'CENTAGATE/authQRCode (transaction)', (body) => ({ baseString: centagateConcatenated(body) }));
    expect(report.cause).toBe('optional_null');
  });

  it('Elecsnet: the gateway encodes the parameters twice', async () => {
    const { report } = await sendAndExplain(h, 'Elecsnet/Sale (HMAC-SHA1)', (body) => ({ baseString: elecsnetLine(body, 'sandbox-signature-base-string') }));
    expect(report.cause).toBe('encoding');
    expect(report.sentence).toContain('encoded twice');
  });

  it('PayNet: the gateway keys the signature with the client id', async () => {
    const { report } = await sendAndExplain(h, 'PayNet OSP/Request a report', (body) => ({ xSignature: String(paynetDebug(body).signatureExpected) }));
    expect(report.cause).toBe('wrong_input');
    expect(report.sentence).toContain('client id');
  });
});
