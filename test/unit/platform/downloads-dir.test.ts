import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultDownloadsDir } from '../../../main/platform/downloads-dir.ts';
import { makeTempDir } from '../../support/temp-dir.ts';

describe('the OS downloads folder', () => {
  let home: Awaited<ReturnType<typeof makeTempDir>>;
  beforeEach(async () => {
    home = await makeTempDir();
  });
  afterEach(async () => {
    await home.remove();
  });

  it('is ~/Downloads even before it exists (it is created when something is saved), not the home folder', () => {
    expect(defaultDownloadsDir({}, home.path, 'darwin')).toBe(join(home.path, 'Downloads'));
    expect(defaultDownloadsDir({}, home.path, 'linux')).toBe(join(home.path, 'Downloads'));
  });

  it('follows the Linux desktop setting in user-dirs.dirs, and ignores one that points at home', async () => {
    await mkdir(join(home.path, '.config'));
    await writeFile(join(home.path, '.config', 'user-dirs.dirs'), 'XDG_DESKTOP_DIR="$HOME/Desktop"\nXDG_DOWNLOAD_DIR="$HOME/Téléchargements"\n');
    expect(defaultDownloadsDir({}, home.path, 'linux')).toBe(join(home.path, 'Téléchargements'));
    await writeFile(join(home.path, '.config', 'user-dirs.dirs'), 'XDG_DOWNLOAD_DIR="$HOME/"\n');
    expect(defaultDownloadsDir({}, home.path, 'linux')).toBe(join(home.path, 'Downloads'));
  });

  it('takes COUNTERSIGN_DOWNLOADS_DIR first', () => {
    expect(defaultDownloadsDir({ COUNTERSIGN_DOWNLOADS_DIR: '/srv/out', XDG_DOWNLOAD_DIR: '/x' }, home.path, 'linux')).toBe('/srv/out');
  });
});
