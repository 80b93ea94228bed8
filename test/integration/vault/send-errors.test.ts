import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TreeListing } from '../../../main/contract/workspace.ts';
import type { Backend } from '../../../main/services/backend.ts';
import { contractCaller, testBackend } from '../../support/backend.ts';
import { makeTempDir } from '../../support/temp-dir.ts';

const PASSPHRASE = 'a passphrase for tests';

describe('signing a request when the vault cannot give its secret', () => {
  let dir: Awaited<ReturnType<typeof makeTempDir>>;
  let backend: Backend;
  const call = contractCaller(() => backend);
  let target: { requestId: string; environmentId: string };

  beforeAll(async () => {
    dir = await makeTempDir();
    backend = testBackend(dir.path);
    const tree = await call<TreeListing>('workspace:tree', {});
    const request = tree.entries.find((entry) => entry.kind === 'request' && entry.name.includes('HMAC'));
    if (!request) throw new Error('no HMAC sample');
    let collection = request;
    while (collection.parentId !== null) collection = tree.entries.find((entry) => entry.id === collection.parentId) ?? collection;
    const environments = await call<{ id: string; name: string }[]>('workspace:environments', { collectionId: collection.id });
    target = { requestId: request.id, environmentId: environments.find((env) => env.name === 'Sandbox')?.id ?? '' };
  });
  afterAll(async () => {
    await backend.close();
    await dir.remove();
  });

  const failure = async () => {
    const envelope = await backend.dispatcher.invoke('requests:sign', target, { door: 'test' });
    if (envelope.ok) throw new Error('the request was signed');
    return envelope.error;
  };

  it('says which of no vault, locked, missing and damaged it is, each with its own code', async () => {
    expect(await failure()).toMatchObject({ code: 'vault_absent', message: expect.stringMatching(/no vault yet.*Create/) as unknown });

    await call('vault:setup', { passphrase: PASSPHRASE });
    for (let i = 0; i < 100 && backend.vault.list({ environment: 'Sandbox' }).secrets.length < 6; i++) await new Promise((r) => setTimeout(r, 20));
    await call('vault:lock', {});
    expect(await failure()).toMatchObject({ code: 'locked', message: expect.stringMatching(/Unlock/) as unknown });

    await call('vault:unlock', { passphrase: PASSPHRASE });
    const sandboxSecrets = backend.vault.list({ environment: 'Sandbox' }).secrets;
    const full = JSON.parse(await readFile(join(dir.path, 'vault.json'), 'utf8')) as { secrets: { ciphertext: string }[] };
    // Which secrets the request reads: remove them one by one until signing names one as missing.
    let missing: { code: string; message: string } | null = null;
    for (const secret of sandboxSecrets) {
      await call('vault:delete', { environment: 'Sandbox', name: secret.name, confirm: true });
      const envelope = await backend.dispatcher.invoke('requests:sign', target, { door: 'test' });
      if (envelope.ok) continue;
      const error = envelope.error;
      expect(error.code).toBe('secret_missing');
      if (error.code === 'secret_missing') {
        expect(error.message).toContain(`"${secret.name}" in environment "Sandbox"`);
        missing = error;
        break;
      }
    }
    expect(missing).not.toBeNull();

    // Put the full vault back, then damage every ciphertext, as another program would.
    await call('vault:lock', {});
    await writeFile(join(dir.path, 'vault.json'), JSON.stringify(full));
    await call('vault:unlock', { passphrase: PASSPHRASE });
    // The MAC covers metadata only, so the open vault takes the file in; the damaged value is reported as damaged, never missing.
    await writeFile(join(dir.path, 'vault.json'), JSON.stringify({ ...full, secrets: full.secrets.map((record) => ({ ...record, ciphertext: flipFirstByte(record.ciphertext) })) }));
    const error = await failure();
    expect(error.code).toBe('vault_damaged');
    expect(error.message).toMatch(/is damaged.*vault restore/);
  });
});

function flipFirstByte(base64: string): string {
  const bytes = Buffer.from(base64, 'base64');
  bytes[0] = (bytes[0] ?? 0) ^ 1;
  return bytes.toString('base64');
}
