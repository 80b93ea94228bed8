import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createEventBus } from '../../../main/core/event-bus.ts';
import { createConfStoreFactory } from '../../../main/platform/conf-store.ts';
import { createSettingsService } from '../../../main/services/settings.ts';
import { makeTempDir } from '../../support/temp-dir.ts';

describe('settings persistence', () => {
  let dir: Awaited<ReturnType<typeof makeTempDir>>;
  beforeEach(async () => {
    dir = await makeTempDir();
  });
  afterEach(async () => {
    await dir.remove();
  });

  it('starts at the system theme and keeps a change across a restart', () => {
    const first = createSettingsService(createConfStoreFactory(dir.path), createEventBus());
    expect(first.get()).toEqual({ theme: 'system' });
    first.update({ theme: 'dark' });
    const second = createSettingsService(createConfStoreFactory(dir.path), createEventBus());
    expect(second.get()).toEqual({ theme: 'dark' });
  });

  it('writes its file in the given directory, readable by the owner only', async () => {
    createSettingsService(createConfStoreFactory(dir.path), createEventBus()).update({ theme: 'light' });
    const info = await stat(join(dir.path, 'settings.json'));
    expect(info.mode & 0o777).toBe(0o600);
  });

  it('announces a change to every subscriber', () => {
    const bus = createEventBus();
    const listener = vi.fn();
    bus.subscribe(listener);
    createSettingsService(createConfStoreFactory(dir.path), bus).update({ theme: 'light' });
    expect(listener).toHaveBeenCalledWith('settings:changed', { theme: 'light' });
  });

  it('falls back to defaults for a hand-edited value it does not understand', async () => {
    await writeFile(join(dir.path, 'settings.json'), JSON.stringify({ theme: 'neon' }));
    expect(createSettingsService(createConfStoreFactory(dir.path), createEventBus()).get()).toEqual({ theme: 'system' });
  });

  it('keeps an unreadable file aside instead of overwriting it, and says where', async () => {
    await writeFile(join(dir.path, 'settings.json'), '{ not json');
    const warn = vi.fn();
    const service = createSettingsService(createConfStoreFactory(dir.path, warn), createEventBus());
    expect(service.get()).toEqual({ theme: 'system' });
    const kept = (await readdir(dir.path)).find((name) => name.startsWith('settings.json.unreadable-'));
    expect(kept).toBeDefined();
    expect(await readFile(join(dir.path, kept!), 'utf8')).toBe('{ not json');
    expect(warn).toHaveBeenCalledWith(expect.stringContaining(kept!));
  });
});
