import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
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

  describe('the downloads folder', () => {
    const service = (bus = createEventBus()) => createSettingsService(createConfStoreFactory(dir.path), bus, () => join(dir.path, 'Downloads'));

    it('starts at the OS downloads folder, created only when something is saved', async () => {
      const settings = service();
      expect(settings.downloads()).toEqual({ dir: join(dir.path, 'Downloads'), isDefault: true, defaultDir: join(dir.path, 'Downloads') });
      await expect(stat(join(dir.path, 'Downloads'))).rejects.toMatchObject({ code: 'ENOENT' });
      expect(settings.downloadsDir()).toBe(join(dir.path, 'Downloads'));
      expect((await stat(join(dir.path, 'Downloads'))).isDirectory()).toBe(true);
    });

    it('keeps a chosen folder across a restart, creates it if missing, and goes back to the default on null', async () => {
      const chosen = join(dir.path, 'reports', 'paynet');
      const bus = createEventBus();
      const listener = vi.fn();
      bus.subscribe(listener);
      expect(service(bus).setDownloads(chosen)).toEqual({ dir: chosen, isDefault: false, defaultDir: join(dir.path, 'Downloads') });
      expect((await stat(chosen)).isDirectory()).toBe(true);
      expect(listener).toHaveBeenCalledWith('settings:downloads-changed', { dir: chosen, isDefault: false, defaultDir: join(dir.path, 'Downloads') });
      const again = service();
      expect(again.downloadsDir()).toBe(chosen);
      // The theme lives in the same file and is untouched.
      expect(again.get()).toEqual({ theme: 'system' });
      expect(again.setDownloads(null).isDefault).toBe(true);
      expect(service().downloads().dir).toBe(join(dir.path, 'Downloads'));
    });

    it('refuses a relative path or a file in the way with a clear message, keeping the folder in use', async () => {
      const settings = service();
      const kept = join(dir.path, 'kept');
      settings.setDownloads(kept);
      expect(() => settings.setDownloads('reports')).toThrow('The downloads folder must be a full path');
      await writeFile(join(dir.path, 'a-file'), 'x');
      expect(() => settings.setDownloads(join(dir.path, 'a-file'))).toThrow(/a file of that name is in the way\. The folder in use is unchanged\./);
      expect(service().downloads().dir).toBe(kept);
    });

    it('ignores a hand-edited value that is not a full path', async () => {
      await mkdir(dir.path, { recursive: true });
      await writeFile(join(dir.path, 'settings.json'), JSON.stringify({ theme: 'dark', downloadsDir: 'relative/x' }));
      expect(service().downloads()).toMatchObject({ dir: join(dir.path, 'Downloads'), isDefault: true });
    });
  });
});
