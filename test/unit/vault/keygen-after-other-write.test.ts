import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createKeyService } from '../../../main/keys/key-service.ts';
import { createVaultKeyStore } from '../../../main/keys/vault-key-store.ts';
import { createConfStoreFactory } from '../../../main/platform/conf-store.ts';
import { makeTempDir } from '../../support/temp-dir.ts';
import { createControlledGenerator } from '../keys/fake-generator.ts';
import { PASSPHRASE, testVault } from './helpers.ts';

let dir: { path: string; remove: () => Promise<void> };
beforeEach(async () => {
  dir = await makeTempDir('countersign-vault-keygen-');
});
afterEach(async () => {
  await dir.remove();
});

describe('a key generated while another process writes the vault', () => {
  it('is stored, the app stays unlocked, and the other process\'s secret is kept', async () => {
    const app = testVault(dir.path);
    await app.setup({ passphrase: PASSPHRASE });
    const generator = createControlledGenerator();
    const keys = createKeyService({ vault: createVaultKeyStore(app, createConfStoreFactory(dir.path)), generate: generator.generate, exportIterations: 1000 });

    const running = keys.generate({ environment: 'UAT', name: 'merchant_key', bits: 2048 });
    for (let i = 0; i < 100 && generator.pending() === 0; i++) await new Promise((resolve) => setTimeout(resolve, 2));

    // Meanwhile, "countersign vault set" in a terminal: another service on the same data directory.
    const cli = testVault(dir.path);
    await cli.unlock({ passphrase: PASSPHRASE });
    await cli.add({ environment: 'UAT', name: 'client_secret', kind: 'text', value: 'from-the-terminal' });
    await cli.close();

    generator.finishNext();
    const result = await running;
    expect(result).toMatchObject({ key: { name: 'merchant_key', bits: 2048 } });
    expect((await app.status()).state).toBe('unlocked');
    const reopened = testVault(dir.path);
    await reopened.unlock({ passphrase: PASSPHRASE });
    expect(reopened.list({ environment: 'UAT' }).secrets.map((s) => s.name)).toEqual(['client_secret', 'merchant_key']);
    expect(await reopened.get('UAT', 'merchant_key')).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    keys.close();
  });
});
