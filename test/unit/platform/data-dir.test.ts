import { describe, expect, it } from 'vitest';
import { defaultDataDir, resolveDataDir } from '../../../main/platform/data-dir.ts';

describe('data directory', () => {
  it('matches where Electron keeps userData for this app on each platform', () => {
    expect(defaultDataDir({}, 'linux', '/home/ana')).toBe('/home/ana/.config/Countersign');
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/cfg' }, 'linux', '/home/ana')).toBe('/cfg/Countersign');
    expect(defaultDataDir({}, 'darwin', '/Users/ana')).toBe('/Users/ana/Library/Application Support/Countersign');
  });

  it('prefers an explicit directory, then COUNTERSIGN_DATA_DIR', () => {
    expect(resolveDataDir('/explicit', { COUNTERSIGN_DATA_DIR: '/from-env' })).toBe('/explicit');
    expect(resolveDataDir(undefined, { COUNTERSIGN_DATA_DIR: '/from-env' })).toBe('/from-env');
  });
});
