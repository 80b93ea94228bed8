import { createHash } from 'node:crypto';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SendResult } from '../../../main/contract/requests.ts';
import type { TreeListing } from '../../../main/contract/workspace.ts';
import { createConfStoreFactory } from '../../../main/platform/conf-store.ts';
import { createBackend, type Backend } from '../../../main/services/backend.ts';
import { contractCaller } from '../../support/backend.ts';
import { makeTempDir } from '../../support/temp-dir.ts';

/**
 * The workbench's sends through the contract: a body too large to preview
 * (the sandbox's 8 MiB PayNet report, a "save to file" request) waits in a
 * private spill file; nothing reaches the downloads folder until "Save as…".
 */
describe('spilled responses and Save as', () => {
  let dir: Awaited<ReturnType<typeof makeTempDir>>;
  let backend: Backend;
  let downloads: string;
  let requestId: string;
  let environmentId: string;
  let chosen: string | null = null;
  const call = contractCaller(() => backend);
  const send = () => call<SendResult>('requests:send', { requestId, environmentId });
  const savedOf = (result: SendResult) => {
    if (!result.outcome.ok || result.outcome.response.saved === null) throw new Error('no saved body');
    return result.outcome.response.saved;
  };

  beforeAll(async () => {
    dir = await makeTempDir();
    downloads = join(dir.path, 'Downloads');
    backend = createBackend({
      mode: 'browser',
      dataDir: join(dir.path, 'data'),
      stores: createConfStoreFactory(join(dir.path, 'data')),
      vaultTuning: { scryptParams: { N: 2 ** 10, r: 8, p: 1 } },
      downloadsDir: () => downloads,
      // Stands in for Electron's Save dialog.
      chooseSavePath: (defaultPath) => Promise.resolve(chosen ?? null).then((path) => (path === 'default' ? defaultPath : path)),
    });
    await call('vault:setup', { passphrase: 'a passphrase for tests' });
    for (let i = 0; i < 100 && backend.vault.list({ environment: 'Sandbox' }).secrets.length < 6; i++) await new Promise((r) => setTimeout(r, 20));
    const tree = await call<TreeListing>('workspace:tree', {});
    const report = tree.entries.find((entry) => entry.kind === 'request' && entry.name === 'Download report')!;
    requestId = report.id;
    const paynet = tree.entries.find((entry) => entry.kind === 'collection' && entry.name === 'PayNet OSP')!;
    const environments = await call<{ id: string; name: string }[]>('workspace:environments', { collectionId: paynet.id });
    environmentId = environments.find((env) => env.name === 'Sandbox')!.id;
  });
  afterAll(async () => {
    await backend.close();
    await dir.remove();
  });

  const downloadsNow = async () => readdir(downloads).catch(() => [] as string[]);

  it('keeps a large body in a private spill file, not in the downloads folder', async () => {
    const result = await send();
    expect(result.spilled).toBe(true);
    const saved = savedOf(result);
    expect(saved.bytes).toBeGreaterThan(0);
    expect((await stat(saved.path)).size).toBe(saved.bytes);
    expect(saved.path.startsWith(join(dir.path, 'data', 'spill'))).toBe(true);
    expect((await stat(saved.path)).mode & 0o777).toBe(0o600);
    expect(await downloadsNow()).toEqual([]);
    await call('files:discard', { path: saved.path });
    await expect(stat(saved.path)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('a resend that discards the previous response leaves no "(1)" copies anywhere', async () => {
    const first = savedOf(await send());
    await call('files:discard', { path: first.path });
    const second = savedOf(await send());
    await call('files:discard', { path: second.path });
    const third = savedOf(await send());
    // Each send spilled under the server's own name, never "name (1).csv".
    for (const saved of [first, second, third]) expect(saved.path).not.toMatch(/\(\d+\)/);
    const spillRoot = join(dir.path, 'data', 'spill');
    const left = (await readdir(spillRoot, { recursive: true })).filter((name) => name.endsWith('.csv'));
    expect(left, JSON.stringify(left)).toHaveLength(1);
    expect(await downloadsNow()).toEqual([]);
    await call('files:discard', { path: third.path });
  });

  it('Save as with a name (browser mode) moves the body into the downloads folder, whole, and nothing else is left', async () => {
    const saved = savedOf(await send());
    const result = await call<{ path: string }>('files:save-as', { path: saved.path, name: 'settlement.csv' });
    expect(result.path).toBe(join(downloads, 'settlement.csv'));
    const content = await readFile(result.path);
    expect(content.length).toBe(saved.bytes);
    expect(createHash('sha256').update(content).digest('hex')).toBe(saved.sha256);
    expect((await stat(result.path)).mode & 0o777).toBe(0o600);
    expect(await downloadsNow()).toEqual(['settlement.csv']);
    await expect(stat(saved.path)).rejects.toMatchObject({ code: 'ENOENT' });
    // The saved file may now be opened; the spill is gone.
    await expect(call('files:save-as', { path: saved.path, name: 'again.csv' })).rejects.toThrow('no longer kept');
  });

  it('refuses to replace a file unless the user confirmed, and refuses a name with a folder in it', async () => {
    const saved = savedOf(await send());
    await writeFile(join(downloads, 'mine.csv'), 'keep');
    await expect(call('files:save-as', { path: saved.path, name: 'mine.csv' })).rejects.toThrow('already exists');
    expect(await readFile(join(downloads, 'mine.csv'), 'utf8')).toBe('keep');
    await expect(call('files:save-as', { path: saved.path, name: '../escape.csv' })).rejects.toThrow('without a folder');
    await call('files:save-as', { path: saved.path, name: 'mine.csv', overwrite: true });
    expect((await stat(join(downloads, 'mine.csv'))).size).toBe(saved.bytes);
  });

  it('Save as without a name asks the desktop dialog; cancelling keeps the spill', async () => {
    const saved = savedOf(await send());
    chosen = null;
    expect(await call('files:save-as', { path: saved.path })).toEqual({ path: null });
    expect((await stat(saved.path)).size).toBe(saved.bytes);
    chosen = join(dir.path, 'elsewhere.csv');
    expect(await call('files:save-as', { path: saved.path })).toEqual({ path: chosen });
    expect((await stat(chosen)).size).toBe(saved.bytes);
  });

  it('the downloads folder chosen in Settings is where Save as puts a named file', async () => {
    const custom = join(dir.path, 'Reports', 'PayNet');
    await call('settings:set-downloads', { dir: custom });
    const saved = savedOf(await send());
    const result = await call<{ path: string }>('files:save-as', { path: saved.path, name: 'nov.csv' });
    expect(result.path).toBe(join(custom, 'nov.csv'));
    await call('settings:set-downloads', { dir: null });
  });
});
