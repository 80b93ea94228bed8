import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { VaultChange } from '../../../main/contract/vault.ts';
import type { Backend } from '../../../main/services/backend.ts';
import { VAULT_FILE_NAME } from '../../../main/vault/index.ts';
import { watchVaultFile } from '../../../main/vault/watch-vault-file.ts';
import { sampleSandboxSecrets } from '../../../main/workspace/samples/sample-workspace.ts';
import { contractCaller, testBackend } from '../../support/backend.ts';
import { makeTempDir } from '../../support/temp-dir.ts';
import { cli, PASSPHRASE } from '../cli/cli-fixture.ts';

/** Resolves with the first event that passes `match`, or fails after `ms`. */
function nextChange(backend: Backend, match: (change: VaultChange) => boolean, ms = 5000): Promise<VaultChange> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      stop();
      reject(new Error('no matching vault:changed event arrived'));
    }, ms);
    const stop = backend.bus.subscribe((name, payload) => {
      if (name !== 'vault:changed' || !match(payload as VaultChange)) return;
      clearTimeout(timer);
      stop();
      resolve(payload as VaultChange);
    });
  });
}

describe('the app follows the vault file when another process changes it', () => {
  let dir: Awaited<ReturnType<typeof makeTempDir>>;
  let app: Backend;
  const call = contractCaller(() => app);

  beforeEach(async () => {
    dir = await makeTempDir('countersign-vault-watch-');
    app = testBackend(dir.path);
    await call('vault:setup', { passphrase: PASSPHRASE });
    // Let the watcher see the vault's own writes settle, so they are not taken for another process's.
    await new Promise((resolve) => setTimeout(resolve, 300));
  });
  afterEach(async () => {
    await app.close();
    await dir.remove();
  });

  it('a new vault comes back from setup already holding the sandbox sample credentials', async () => {
    const fresh = await makeTempDir('countersign-vault-seed-');
    const other = testBackend(fresh.path);
    try {
      const status = await contractCaller(() => other)<{ secretCount: number | null }>('vault:setup', { passphrase: PASSPHRASE });
      // No waiting: whoever created the vault lists it next, and must see every sample credential.
      const names = other.vault.list({ environment: 'Sandbox' }).secrets.map((secret) => secret.name).sort();
      expect(names).toEqual(sampleSandboxSecrets().map((secret) => secret.name).sort());
      expect(status.secretCount).toBe(names.length);
    } finally {
      await other.close();
      await fresh.remove();
    }
  });

  it('reports a secret the CLI added, without the app being asked, and never its value', async () => {
    const seen = nextChange(app, (change) => change.reason === 'secrets' && change.status.state === 'unlocked');
    const events: unknown[] = [];
    const stop = app.bus.subscribe((name, payload) => {
      if (name === 'vault:changed') events.push(payload);
    });
    const set = await cli(dir.path, ['vault', 'set', 'late.client_secret', '--env', 'UAT'], { stdin: 'value-from-the-terminal-5f1c' });
    expect(set.code, set.stderr).toBe(0);
    const change = await seen;
    stop();
    expect(change.status.secretCount).toBeGreaterThan(0);
    expect(JSON.stringify(events)).not.toContain('value-from-the-terminal-5f1c');
    const listed = await call<{ secrets: { environment: string; name: string }[] }>('vault:list', { environment: 'UAT' });
    expect(listed.secrets.map((secret) => secret.name)).toContain('late.client_secret');
  });

  it('stops saying "unlocked" when the vault file is removed by another program', async () => {
    const seen = nextChange(app, (change) => change.status.state !== 'unlocked');
    await rm(join(dir.path, VAULT_FILE_NAME));
    const change = await seen;
    expect(change.status.state).toBe('absent');
    expect((await call<{ state: string }>('vault:status', {})).state).toBe('absent');
  });

  it('reports a change made while the app is locked, with the state on disk', async () => {
    await call('vault:lock', {});
    const seen = nextChange(app, (change) => change.reason === 'secrets');
    const set = await cli(dir.path, ['vault', 'set', 'other.secret', '--env', 'UAT'], { stdin: 'another-value' });
    expect(set.code, set.stderr).toBe(0);
    expect((await seen).status.state).toBe('locked');
  });
});

describe('watchVaultFile', () => {
  it('calls once for a burst of writes, only for the vault file, and not after close', async () => {
    const dir = await makeTempDir('countersign-vault-watch-unit-');
    let calls = 0;
    const watch = watchVaultFile({ dataDir: dir.path, settleMs: 100, onChange: () => calls++ });
    try {
      await writeFile(join(dir.path, 'settings.json'), '{}');
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(calls).toBe(0);
      for (let i = 0; i < 5; i++) await writeFile(join(dir.path, VAULT_FILE_NAME), `{"n":${String(i)}}`);
      await new Promise((resolve) => setTimeout(resolve, 400));
      expect(calls).toBe(1);
      watch.close();
      await writeFile(join(dir.path, VAULT_FILE_NAME), '{"n":9}');
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(calls).toBe(1);
    } finally {
      watch.close();
      await dir.remove();
    }
  });
});
