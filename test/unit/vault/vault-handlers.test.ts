import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { vaultChannels } from '../../../main/contract/vault.ts';
import { createVaultHandlers } from '../../../main/vault/vault-handlers.ts';
import { unlockWithEnvironmentOrPrompt } from '../../../main/vault/passphrase-from-env.ts';
import { makeTempDir } from '../../support/temp-dir.ts';
import { PASSPHRASE, fakeClipboard, testVault } from './helpers.ts';

let dir: { path: string; remove: () => Promise<void> };
beforeEach(async () => {
  dir = await makeTempDir('countersign-vault-handlers-');
});
afterEach(async () => {
  await dir.remove();
});

/** What a door does: parse the input, run the handler, parse the output. */
async function call(handlers: ReturnType<typeof createVaultHandlers>, name: keyof typeof vaultChannels, input: unknown): Promise<unknown> {
  const channel = vaultChannels[name];
  const handler = handlers[name] as (input: unknown) => unknown;
  return channel.output.parse(await handler(channel.input.parse(input)));
}

describe('vault channel handlers', () => {
  it('carry a whole session through the contract without any value coming back', async () => {
    const clipboard = fakeClipboard();
    const handlers = createVaultHandlers(testVault(dir.path, { clipboard }));
    const value = 'handler-secret-value-xyz';
    const outputs: unknown[] = [];
    outputs.push(await call(handlers, 'vault:setup', { passphrase: PASSPHRASE }));
    outputs.push(await call(handlers, 'vault:add', { environment: 'sandbox', name: 'client_secret', kind: 'text', value }));
    outputs.push(await call(handlers, 'vault:rotate', { environment: 'sandbox', name: 'client_secret', value: `${value}-2` }));
    outputs.push(await call(handlers, 'vault:list', {}));
    outputs.push(await call(handlers, 'vault:copy', { environment: 'sandbox', name: 'client_secret' }));
    expect(clipboard.text).toBe(`${value}-2`);
    outputs.push(await call(handlers, 'vault:set-auto-lock', { minutes: 3 }));
    const backupDir = await makeTempDir('countersign-vault-handlers-backup-');
    const saved = await call(handlers, 'vault:export-backup', { passphrase: PASSPHRASE, directory: backupDir.path });
    expect(saved).toMatchObject({ secretCount: 1 });
    outputs.push(saved);
    await backupDir.remove();
    outputs.push(await call(handlers, 'vault:local-backups', {}));
    outputs.push(await call(handlers, 'vault:delete', { environment: 'sandbox', name: 'client_secret', confirm: true }));
    outputs.push(await call(handlers, 'vault:lock', {}));
    outputs.push(await call(handlers, 'vault:status', {}));
    // Locking cleared the copy it made.
    expect(clipboard.text).toBe('');
    expect(JSON.stringify(outputs)).not.toContain(value);
    expect(outputs.at(-1)).toMatchObject({ state: 'locked', autoLockMinutes: 3 });
  });
});

describe('unlocking for the CLI', () => {
  it('uses COUNTERSIGN_PASSPHRASE, then the prompt', async () => {
    const vault = testVault(dir.path);
    await vault.setup({ passphrase: PASSPHRASE });
    await vault.lock();
    await unlockWithEnvironmentOrPrompt(vault, { COUNTERSIGN_PASSPHRASE: PASSPHRASE });
    expect((await vault.status()).state).toBe('unlocked');
    await vault.lock();
    await expect(unlockWithEnvironmentOrPrompt(vault, {}, () => Promise.resolve('wrong passphrase'))).rejects.toMatchObject({ code: 'forbidden' });
    await unlockWithEnvironmentOrPrompt(vault, {}, () => Promise.resolve(PASSPHRASE));
    expect((await vault.status()).state).toBe('unlocked');
  });
});
