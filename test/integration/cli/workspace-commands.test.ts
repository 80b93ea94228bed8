import { createPrivateKey, createPublicKey } from 'node:crypto';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT } from '../../../main/cli/exit-codes.ts';
import { PASSPHRASE, secretValues, useCliSession } from './cli-fixture.ts';

describe('countersign run-collection, keygen, import and export', () => {
  const session = useCliSession(['export passphrase 123', 'postman-basic-password-x1']);
  const run = session.run;

  for (const collection of ['PayNet OSP', 'MTN MoMo', 'CENTAGATE', 'Elecsnet']) {
    it(`runs every "${collection}" sample concurrently with a table and a JUnit report`, async () => {
      const junit = join(session.path(), `${collection}.xml`);
      const result = await run(['run-collection', collection, '--env', 'Sandbox', '--concurrency', '4', '--iterations', '2', '--junit', junit]);
      expect(result.code, result.stderr).toBe(EXIT.ok);
      expect(result.stdout).toMatch(/^Request\s+Sends\s+Passed\s+Failed/);
      expect(result.stdout).toMatch(/\d+ sends, \d+ passed, 0 failed/);
      const xml = await readFile(junit, 'utf8');
      expect(xml).toContain(`<testsuite name="${collection}"`);
      expect(xml).toContain('failures="0"');
    });
  }

  it('exits with the worst failure class and reports failures in JUnit', async () => {
    const junit = join(session.path(), 'broken.xml');
    // The sandbox answers 400 to the two collection calls for an unknown target environment; the token and provisioning calls still pass.
    const result = await run(['run-collection', 'MTN MoMo', '--env', 'Sandbox', '--var', 'targetEnvironment=mars', '--junit', junit]);
    expect(result.code).toBe(EXIT.httpStatus);
    expect(result.stdout).toMatch(/6 sends, 4 passed, 2 failed/);
    expect(result.stderr).toContain('MTN MoMo/Request to pay: HTTP 400');
    const xml = await readFile(junit, 'utf8');
    expect(xml).toContain('failures="2"');
    expect(xml).toContain('type="exit-3"');
    // A token the gateway refuses is a credential (configuration) failure, which outranks an HTTP status.
    expect((await run(['run-collection', 'MTN MoMo', '--env', 'Sandbox', '--var', 'apiUser=nobody'])).code).toBe(EXIT.config);
    const unsigned = await run(['run-collection', 'MTN MoMo', '--env', 'UAT', '--var', 'baseUrl=http://127.0.0.1:9']);
    // Missing secrets (configuration) outrank anything else that failed.
    expect(unsigned.code).toBe(EXIT.config);
    expect(unsigned.stderr).toContain('momo.subscription_key');
  });

  it('refuses bad numbers with the usage code', async () => {
    expect((await run(['run-collection', 'Elecsnet', '--env', 'Sandbox', '--concurrency', '0'])).code).toBe(EXIT.usage);
    expect((await run(['run-collection', 'Elecsnet', '--env', 'Sandbox', '--iterations', 'x'])).code).toBe(EXIT.usage);
    expect((await run(['run-collection', 'Nope', '--env', 'Sandbox'])).code).toBe(EXIT.usage);
  });

  it('keygen stores a key, prints its fingerprint and exports both halves', async () => {
    const pub = join(session.path(), 'merchant.pub.pem');
    const priv = join(session.path(), 'merchant.p8.pem');
    const result = await run(
      ['keygen', '--bits', '2048', '--env', 'UAT', '--name', 'merchant', '--export-public', pub, '--export-private', priv, '--pkcs8', '--encrypt'],
      { env: { COUNTERSIGN_EXPORT_PASSPHRASE: 'export passphrase 123' } },
    );
    expect(result.code, result.stderr).toBe(EXIT.ok);
    expect(result.stdout).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}\n$/);
    const privatePem = await readFile(priv, 'utf8');
    expect(privatePem).toContain('BEGIN ENCRYPTED PRIVATE KEY');
    expect((await stat(priv)).mode & 0o077).toBe(0);
    const key = createPrivateKey({ key: privatePem, passphrase: 'export passphrase 123' });
    expect(createPublicKey(key).export({ type: 'spki', format: 'pem' })).toBe(await readFile(pub, 'utf8'));
    // The private key itself is never printed.
    expect(result.stdout + result.stderr).not.toContain('PRIVATE KEY-----\n');
  }, 60_000);

  it('keygen refuses unsupported sizes and an encrypted PKCS#1 export', async () => {
    expect((await run(['keygen', '--bits', '1024', '--env', 'UAT', '--name', 'k'])).code).toBe(EXIT.usage);
    expect((await run(['keygen', '--env', 'UAT', '--name', 'k', '--export-private', 'x.pem', '--pkcs1', '--encrypt'])).code).toBe(EXIT.usage);
    expect((await run(['keygen', '--env', 'UAT', '--name', 'k', '--export-private', 'x.pem'])).code).toBe(EXIT.usage);
  });

  it('export writes the collection without secret values, and import curl adds a request', async () => {
    const file = join(session.path(), 'paynet.json');
    expect((await run(['export', 'PayNet OSP', file])).code).toBe(EXIT.ok);
    const text = await readFile(file, 'utf8');
    expect(text).toContain('Request a report');
    for (const secret of secretValues()) expect(text).not.toContain(secret);

    const curl = await run(['import', 'curl', 'curl -X POST http://127.0.0.1:9/pay -H "Accept: application/json" -d amount=10', '--into', 'PayNet OSP', '--name', 'Pay (from curl)']);
    expect(curl.code, curl.stderr).toBe(EXIT.ok);
    const list = await run(['list', 'PayNet OSP']);
    expect(list.stdout).toContain('Pay (from curl)');
    expect((await run(['import', 'curl', 'curl http://x', '--into', 'No such collection'])).code).toBe(EXIT.usage);
  });

  it('import postman moves credentials into the vault of the chosen environment', async () => {
    const postman = {
      info: { name: 'Imported gateway', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
      item: [
        {
          name: 'Ping',
          request: {
            method: 'GET',
            url: 'http://127.0.0.1:9/ping',
            auth: { type: 'basic', basic: [{ key: 'username', value: 'me' }, { key: 'password', value: 'postman-basic-password-x1' }] },
          },
        },
      ],
    };
    const file = join(session.path(), 'gateway.postman_collection.json');
    await writeFile(file, JSON.stringify(postman));
    const result = await run(['import', 'postman', file, '--env', 'UAT']);
    expect(result.code, result.stderr).toBe(EXIT.ok);
    expect(result.stderr).toContain('Imported 1 requests');
    expect((await run(['list', 'Imported gateway', '--json'])).stdout).toContain('Imported gateway/Ping');
    expect((await run(['import', 'postman', join(session.path(), 'missing.json')])).code).toBe(EXIT.usage);
    expect(PASSPHRASE).toBeTruthy();
  });
});
