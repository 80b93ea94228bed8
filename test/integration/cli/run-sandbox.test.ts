import { readFile } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT } from '../../../main/cli/exit-codes.ts';
import { useCliSession } from './cli-fixture.ts';

// One request per gateway of the first-run samples, each signed its own way.
const SAMPLES = [
  { path: 'PayNet OSP/Request a report', expect: /"reportId"/ },
  { path: 'MTN MoMo/Request to pay', expect: /^$/ },
  { path: 'MTN MoMo/Get API user', expect: /"targetEnvironment":"sandbox"/ },
  { path: 'CENTAGATE/authQRCode (transaction)', expect: /./ },
  { path: 'Elecsnet/Sale (HMAC-SHA1)', expect: /./ },
  { path: 'Elecsnet/Sale (RSA-SHA256)', expect: /./ },
];

describe('countersign run against the built-in sandbox', () => {
  const session = useCliSession();
  const run = session.run;

  for (const sample of SAMPLES) {
    it(`sends "${sample.path}" signed and exits 0 with the body on stdout`, async () => {
      const result = await run(['run', sample.path, '--env', 'Sandbox']);
      expect(result.stderr).toMatch(/^20\d /);
      expect(result.code).toBe(EXIT.ok);
      expect(result.stdout).toMatch(sample.expect);
    });
  }

  it('--json prints one result with status and the redacted trace', async () => {
    const result = await run(['run', 'Elecsnet/Sale (HMAC-SHA1)', '--env', 'Sandbox', '--json']);
    expect(result.code).toBe(EXIT.ok);
    const parsed = JSON.parse(result.stdout) as { status: number; ok: boolean; exitCode: number; traces: { scheme: string }[] };
    expect(parsed).toMatchObject({ status: 200, ok: true, exitCode: 0 });
    expect(parsed.traces[0]?.scheme).toMatch(/OAuth 1.0a/);
  });

  it('trace signs without sending anything and shows the signature steps', async () => {
    // A listener standing in for the gateway: it must see no connection at all.
    const connections: unknown[] = [];
    const server = createServer((socket) => {
      connections.push(socket);
      socket.destroy();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const elecsnet = await run(['run', 'Elecsnet/Sale (HMAC-SHA1)', '--env', 'Sandbox', '--dry-run', '--var', 'endpointId=777', '--var', `baseUrl=${origin}`]);
      expect(elecsnet.code).toBe(EXIT.ok);
      expect(elecsnet.stdout).toContain(`POST ${origin}/paynet/api/v2/sale-form/777`);
      expect(elecsnet.stdout).toContain('Signature base string');
      expect(elecsnet.stdout).toContain('oauth_signature=');
      // A token step fetches its token from the (sandbox) token endpoint; the request itself still goes nowhere.
      const paynet = await run(['trace', 'PayNet OSP/Request a report', '--env', 'Sandbox', '--var', `baseUrl=${origin}`]);
      expect(paynet.code, paynet.stderr).toBe(EXIT.ok);
      expect(paynet.stdout).toContain(`POST ${origin}/api/v1/reports`);
      expect(paynet.stdout).toMatch(/X-Signature: [0-9a-f]{64}/);
      expect(connections).toHaveLength(0);
    } finally {
      server.close();
    }
  });

  it('trace --json prints the signed preview and traces', async () => {
    const result = await run(['trace', 'Elecsnet/Sale (RSA-SHA256)', '--env', 'Sandbox', '--json']);
    expect(result.code).toBe(EXIT.ok);
    expect(JSON.parse(result.stdout)).toMatchObject({ dryRun: true, request: { method: 'POST' } });
  });

  it('--out saves the whole body to a file and keeps stdout empty', async () => {
    const out = join(session.path(), 'report.json');
    const result = await run(['run', 'PayNet OSP/Request a report', '--env', 'Sandbox', '--out', out]);
    expect(result.code).toBe(EXIT.ok);
    expect(result.stdout).toBe('');
    expect(JSON.parse(await readFile(out, 'utf8'))).toHaveProperty('reportId');
    const nowhere = await run(['run', 'PayNet OSP/Request a report', '--env', 'Sandbox', '--out', join(session.path(), 'missing', 'x.json')]);
    expect(nowhere.code).toBe(EXIT.usage);
    expect(nowhere.stderr).toContain('does not exist');
  });

  it('exits with the HTTP-status code on a non-2xx answer', async () => {
    const result = await run(['run', 'MTN MoMo/Get API user', '--env', 'Sandbox', '--var', 'apiUser=00000000-0000-4000-8000-000000000000']);
    expect(result.code).toBe(EXIT.httpStatus);
    expect(result.stderr).toMatch(/^404 /);
  });

  it('exits with the network code when nothing answers', async () => {
    // The HMAC sale puts no secret on the wire, so the sandbox-bound secrets do not stop it first (#15).
    const result = await run(['run', 'Elecsnet/Sale (HMAC-SHA1)', '--env', 'Sandbox', '--var', 'baseUrl=http://127.0.0.1:9']);
    expect(result.code).toBe(EXIT.network);
    expect(result.stderr).toContain('refused');
  });

  it('exits with the configuration code when a secret is missing', async () => {
    const result = await run(['run', 'MTN MoMo/Get API user', '--env', 'UAT']);
    expect(result.code).toBe(EXIT.config);
    expect(result.stderr).toContain('momo.subscription_key');
    const json = await run(['run', 'MTN MoMo/Get API user', '--env', 'UAT', '--json']);
    expect(json.code).toBe(EXIT.config);
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, exitCode: EXIT.config, error: { message: expect.stringContaining('momo.subscription_key') as unknown } });
  });

  it('--json reports a non-2xx status with its exit code', async () => {
    const result = await run(['run', 'MTN MoMo/Get API user', '--env', 'Sandbox', '--json', '--var', 'apiUser=nobody']);
    expect(result.code).toBe(EXIT.httpStatus);
    expect(JSON.parse(result.stdout)).toMatchObject({ ok: false, status: 404, exitCode: EXIT.httpStatus });
  });

  it('exits with the configuration code for a wrong passphrase, and without one when there is no terminal', async () => {
    const wrong = await run(['run', 'MTN MoMo/Get API user', '--env', 'Sandbox'], { env: { COUNTERSIGN_PASSPHRASE: 'not the passphrase' } });
    expect(wrong.code).toBe(EXIT.config);
    const none = await run(['run', 'MTN MoMo/Get API user', '--env', 'Sandbox'], { env: { COUNTERSIGN_PASSPHRASE: '' } });
    expect(none.code).toBe(EXIT.config);
    expect(none.stderr).toContain('COUNTERSIGN_PASSPHRASE');
  });

  it('unlocks with the hidden prompt when the variable is absent', async () => {
    const questions: string[] = [];
    const result = await run(['run', 'MTN MoMo/Get API user', '--env', 'Sandbox'], {
      env: { COUNTERSIGN_PASSPHRASE: '' },
      prompt: (question) => {
        questions.push(question);
        return Promise.resolve('cli test passphrase 7f3e');
      },
    });
    expect(result.code).toBe(EXIT.ok);
    expect(questions).toEqual(['Vault passphrase: ']);
  });

  it('refuses a protected environment without --yes-production, before unlocking or sending', async () => {
    const result = await run(['run', 'PayNet OSP/Request a report', '--env', 'Production'], { env: { COUNTERSIGN_PASSPHRASE: '' } });
    expect(result.code).toBe(EXIT.protectedEnvironment);
    expect(result.stderr).toContain('--yes-production');
    const collection = await run(['run-collection', 'PayNet OSP', '--env', 'Production']);
    expect(collection.code).toBe(EXIT.protectedEnvironment);
  });

  it('with --yes-production goes on to sign (and here fails on the missing Production secret)', async () => {
    const result = await run(['run', 'PayNet OSP/Request a report', '--env', 'Production', '--yes-production']);
    expect(result.code).toBe(EXIT.config);
    expect(result.stderr).toContain('paynet.client_secret');
  });

  it('names close matches for a request that does not exist, with the usage code', async () => {
    const result = await run(['run', 'Elecsnet/sale (hmac-sha1)', '--env', 'Sandbox']);
    expect(result.code).toBe(EXIT.usage);
    expect(result.stderr).toContain('"Elecsnet/Sale (HMAC-SHA1)"');
    const env = await run(['run', 'Elecsnet/Sale (HMAC-SHA1)', '--env', 'Staging']);
    expect(env.code).toBe(EXIT.usage);
    expect(env.stderr).toContain('"Sandbox"');
  });

  it('refuses bad arguments with the usage code', async () => {
    expect((await run(['run', '--env', 'Sandbox'])).code).toBe(EXIT.usage);
    expect((await run(['run', 'Elecsnet/Sale (HMAC-SHA1)'])).code).toBe(EXIT.usage);
    expect((await run(['run', 'Elecsnet/Sale (HMAC-SHA1)', '--env', 'Sandbox', '--var', 'oops'])).code).toBe(EXIT.usage);
  });

  it('list and env list show the workspace and never a secret value', async () => {
    const list = await run(['list']);
    expect(list.code).toBe(EXIT.ok);
    expect(list.stdout).toContain('Sale (RSA-SHA256)');
    const json = await run(['list', 'Elecsnet', '--json']);
    expect(JSON.parse(json.stdout)).toEqual(['Elecsnet/Sale (HMAC-SHA1)', 'Elecsnet/Sale (RSA-SHA256)']);
    const env = await run(['env', 'list', '--json']);
    expect(env.code).toBe(EXIT.ok);
    const parsed = JSON.parse(env.stdout) as { collection: string; environments: { name: string; protected: boolean; secrets: string[] }[] }[];
    expect(parsed.find((entry) => entry.collection === 'PayNet OSP')?.environments).toContainEqual(
      expect.objectContaining({ name: 'Production', protected: true, secrets: ['paynet.client_secret'] }),
    );
    const text = await run(['env', 'list', 'CENTAGATE']);
    expect(text.stdout).toContain('Production  (protected: needs --yes-production)');
  });
});
