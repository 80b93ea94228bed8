import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { AuthStepInput as AuthStep } from '../../../main/contract/auth.ts';
import { SANDBOX_CREDENTIALS } from '../../../main/sandbox/index.ts';
import { makeTempDir } from '../../support/temp-dir.ts';
import { bodyText, gatewayHarness, status } from './support.ts';

const { clientId, clientSecret } = SANDBOX_CREDENTIALS.paynet;

// PayNet OSP: OAuth 2.0 client credentials in the form body, then X-Timestamp / X-Signature.
const auth: AuthStep[] = [
  {
    type: 'oauth2-client-credentials',
    tokenUrl: '{{baseUrl}}/osp/token',
    clientId: '{{clientId}}',
    clientSecret: '{{secret:client_secret}}',
    clientAuth: 'body',
  },
  { type: 'paynet-signature', clientSecret: '{{secret:client_secret}}' },
];

describe('PayNet OSP through signer, executor and sandbox', () => {
  const gateway = gatewayHarness({ client_secret: clientSecret });
  const vars = { clientId };

  it('requests a report, polls until it is ready and downloads it to disk with its SHA-256', async () => {
    const created = await gateway.send(
      { method: 'POST', url: '{{baseUrl}}/osp/api/v1/reports', headers: [], body: { kind: 'json', text: '{"reportType":"settlement","sizeBytes":3000000}' } },
      auth,
      vars,
    );
    expect(status(created), bodyText(created)).toBe(202);
    const { reportId } = JSON.parse(bodyText(created)) as { reportId: string };

    let state = 'PENDING';
    for (let poll = 0; poll < 10 && state !== 'READY'; poll++) {
      const polled = await gateway.send({ method: 'GET', url: `{{baseUrl}}/osp/api/v1/reports/${reportId}`, headers: [], body: { kind: 'none' } }, auth, vars);
      expect(status(polled)).toBe(200);
      state = (JSON.parse(bodyText(polled)) as { status: string }).status;
    }
    expect(state).toBe('READY');

    const dir = await makeTempDir();
    try {
      const download = await gateway.send(
        { method: 'GET', url: `{{baseUrl}}/osp/api/v1/reports/${reportId}/download`, headers: [], body: { kind: 'none' } },
        auth,
        vars,
        { save: { directory: dir.path } },
      );
      expect(download.outcome.ok).toBe(true);
      if (!download.outcome.ok) return;
      const saved = download.outcome.response.saved!;
      expect(saved.bytes).toBe(3_000_000);
      expect(saved.path.endsWith(`${reportId}.csv`)).toBe(true);
      const onDisk = await readFile(saved.path);
      expect(createHash('sha256').update(onDisk).digest('hex')).toBe(saved.sha256);
    } finally {
      await dir.remove();
    }
  });

  it('reuses one token across calls and shows the signed timestamp in the trace, never the secret', async () => {
    const result = await gateway.send({ method: 'GET', url: '{{baseUrl}}/osp/api/v1/reports/none', headers: [], body: { kind: 'none' } }, auth, vars);
    expect(status(result)).toBe(404);
    const trace = JSON.stringify(result.traces);
    expect(trace).toContain(String(Math.floor(Date.UTC(2026, 10, 23, 9, 30) / 1000)));
    expect(trace).not.toContain(clientSecret);
    expect(JSON.stringify(result.outcome)).not.toContain(clientSecret);
  });

  it('is refused by the sandbox when the signature is made with the wrong secret', async () => {
    const result = await gateway.send(
      { method: 'GET', url: '{{baseUrl}}/osp/api/v1/reports/none', headers: [], body: { kind: 'none' } },
      [auth[0]!, { type: 'paynet-signature', clientSecret: 'not-the-secret' }],
      vars,
    );
    expect(status(result)).toBe(401);
    expect(bodyText(result)).toContain('invalid_signature');
  });
});
