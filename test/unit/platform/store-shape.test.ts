import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createEventBus } from '../../../main/core/event-bus.ts';
import { createVaultKeyStore, type SecretVaultLike } from '../../../main/keys/vault-key-store.ts';
import { createConfStoreFactory } from '../../../main/platform/conf-store.ts';
import { shapeProblem } from '../../../main/platform/store.ts';
import { createSettingsService } from '../../../main/services/settings.ts';
import { makeTempDir } from '../../support/temp-dir.ts';

const noVault: SecretVaultLike = {
  list: () => ({ secrets: [] }),
  add: () => Promise.resolve(),
  rotate: () => Promise.resolve(),
  remove: () => Promise.resolve(),
  reveal: () => Promise.reject(new Error('no vault in this test')),
};

describe('a store file of the wrong shape is set aside, never overwritten', () => {
  let dir: Awaited<ReturnType<typeof makeTempDir>>;
  beforeEach(async () => {
    dir = await makeTempDir();
  });
  afterEach(async () => {
    await dir.remove();
  });

  const keptAside = async (name: string) => (await readdir(dir.path)).filter((file) => file.startsWith(`${name}.json.unreadable-`));

  it.each([
    ['an array', '[1, 2, 3]'],
    ['a string', '"dark"'],
    ['a field of another kind', '{"theme": 42}'],
  ])('settings.json holding %s: kept byte for byte, the user told where, settings work afresh', async (_label, text) => {
    await writeFile(join(dir.path, 'settings.json'), text);
    const warn = vi.fn();
    const settings = createSettingsService(createConfStoreFactory(dir.path, warn), createEventBus());
    expect(settings.get()).toEqual({ theme: 'system' });
    settings.update({ theme: 'dark' });
    const kept = await keptAside('settings');
    expect(kept).toHaveLength(1);
    expect(await readFile(join(dir.path, kept[0] ?? ''), 'utf8')).toBe(text);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining(kept[0] ?? '?'));
    expect(JSON.parse(await readFile(join(dir.path, 'settings.json'), 'utf8'))).toMatchObject({ theme: 'dark' });
  });

  it('keys.json whose "keys" is not an object: kept aside before the key store writes over it', async () => {
    const text = JSON.stringify({ schemaVersion: 1, keys: [{ environment: 'UAT', name: 'merchant' }] });
    await writeFile(join(dir.path, 'keys.json'), text);
    const warn = vi.fn();
    createVaultKeyStore(noVault, createConfStoreFactory(dir.path, warn));
    const kept = await keptAside('keys');
    expect(kept).toHaveLength(1);
    expect(await readFile(join(dir.path, kept[0] ?? ''), 'utf8')).toBe(text);
    expect(warn).toHaveBeenCalledOnce();
  });

  it('a file of the right shape is used as it is', async () => {
    await writeFile(join(dir.path, 'settings.json'), JSON.stringify({ theme: 'light', downloadsDir: null }));
    const warn = vi.fn();
    expect(createSettingsService(createConfStoreFactory(dir.path, warn), createEventBus()).get()).toEqual({ theme: 'light' });
    expect(warn).not.toHaveBeenCalled();
    expect(await keptAside('settings')).toEqual([]);
  });
});

describe('shapeProblem', () => {
  it('names the field and both kinds', () => {
    expect(shapeProblem({ keys: [] }, { schemaVersion: 1, keys: {} })).toBe('"keys" holds an array, not an object');
    expect(shapeProblem(null, {})).toBe('it holds null, not an object');
  });

  it('accepts missing fields, extra fields, and anything where the default is null', () => {
    expect(shapeProblem({ other: 1, downloadsDir: '/x' }, { theme: 'system', downloadsDir: null })).toBeNull();
  });
});
