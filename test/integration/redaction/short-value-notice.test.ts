import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT } from '../../../main/cli/exit-codes.ts';
import { cli, PASSPHRASE, preparedDataDir } from '../cli/cli-fixture.ts';
import { makeTempDir } from '../../support/temp-dir.ts';
import { redactionHarness, type Harness } from './harness.ts';

const NOTICE = /shorter than 6 characters.*whole word.*easy to guess/;

describe('storing a value under 6 characters is kept, with a plain notice', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await redactionHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  it('vault:add and vault:rotate answer it for a short value and not for a longer one', async () => {
    const added = await h.call<{ name: string; notice?: string }>('vault:add', { environment: 'UAT', name: 'merchant.pin', kind: 'text', value: '7391' });
    expect(added.name).toBe('merchant.pin');
    expect(added.notice).toMatch(NOTICE);
    expect(await h.backend.vault.get('UAT', 'merchant.pin')).toBe('7391');
    const rotated = await h.call<{ notice?: string }>('vault:rotate', { environment: 'UAT', name: 'merchant.pin', value: '739146' });
    expect(rotated.notice).toBeUndefined();
    const short = await h.call<{ notice?: string }>('vault:rotate', { environment: 'UAT', name: 'merchant.pin', value: 'ab1' });
    expect(short.notice).toMatch(NOTICE);
    const long = await h.call<{ notice?: string }>('vault:add', { environment: 'UAT', name: 'api.key', kind: 'text', value: 'long-enough' });
    expect(long.notice).toBeUndefined();
  });
});

describe('countersign vault set says it too', () => {
  let dir: Awaited<ReturnType<typeof makeTempDir>>;
  beforeAll(async () => {
    dir = await makeTempDir();
    await preparedDataDir(dir.path);
  });
  afterAll(async () => {
    await dir.remove();
  });

  it('prints the notice after storing a 4-digit PIN, and none for a longer value; never the value', async () => {
    const short = await cli(dir.path, ['vault', 'set', 'merchant.pin', '--env', 'UAT'], { stdin: '7391\n' });
    expect(short.code).toBe(EXIT.ok);
    expect(short.stderr).toContain('Stored merchant.pin in UAT.');
    expect(short.stderr).toMatch(/Note: This value is shorter than 6 characters/);
    expect(`${short.stdout}${short.stderr}`).not.toMatch(/(?<!\d)7391(?!\d)/);
    const long = await cli(dir.path, ['vault', 'set', 'merchant.pin', '--env', 'UAT'], { stdin: 'longer-pin-739146\n' });
    expect(long.code).toBe(EXIT.ok);
    expect(long.stderr).toContain('Replaced merchant.pin in UAT.');
    expect(long.stderr).not.toContain('Note:');
  });

  it('vault restore --from names the short values a backup brought in, never their values', async () => {
    const other = await makeTempDir();
    const out = await makeTempDir();
    try {
      await preparedDataDir(other.path);
      expect((await cli(other.path, ['vault', 'set', 'terminal.pin', '--env', 'UAT'], { stdin: '5182\n' })).code).toBe(EXIT.ok);
      const backup = await cli(other.path, ['vault', 'backup', '--out', out.path], { env: { COUNTERSIGN_BACKUP_PASSPHRASE: PASSPHRASE } });
      expect(backup.code).toBe(EXIT.ok);
      const file = /\/\S+\.json/.exec(`${backup.stdout}${backup.stderr}`)?.[0] ?? '';
      const restored = await cli(dir.path, ['vault', 'restore', '--from', file], { env: { COUNTERSIGN_BACKUP_PASSPHRASE: PASSPHRASE } });
      expect(restored.code).toBe(EXIT.ok);
      expect(restored.stderr).toMatch(/Note: terminal\.pin \(UAT\) is shorter than 6 characters/);
      expect(`${restored.stdout}${restored.stderr}`).not.toMatch(/(?<!\d)5182(?!\d)/);
    } finally {
      await other.remove();
      await out.remove();
    }
  });
});
