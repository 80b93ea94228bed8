import { generateKeyPairSync } from 'node:crypto';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../support/temp-dir.ts';
import { PASSPHRASE, cli } from '../cli/cli-fixture.ts';

let dir: Awaited<ReturnType<typeof makeTempDir>>;
beforeEach(async () => {
  dir = await makeTempDir('countersign-cli-vault-');
});
afterEach(async () => {
  await dir.remove();
});

const pemOf = (bits: number) => generateKeyPairSync('rsa', { modulusLength: bits }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();

describe('countersign vault', () => {
  it('set --kind rsa_private_key refuses a key under 2048 bits and stores a 2048-bit one', async () => {
    const data = join(dir.path, 'data');
    expect((await cli(data, ['vault', 'init'])).code).toBe(0);
    const small = await cli(data, ['vault', 'set', 'merchant_key', '--env', 'UAT', '--kind', 'rsa_private_key'], { stdin: pemOf(1024) });
    expect(small.code).not.toBe(0);
    expect(small.stderr).toMatch(/1024 bits.*at least 2048/);
    expect((await cli(data, ['vault', 'list', '--env', 'UAT', '--json'])).stdout).not.toContain('merchant_key');
    const good = await cli(data, ['vault', 'set', 'merchant_key', '--env', 'UAT', '--kind', 'rsa_private_key'], { stdin: pemOf(2048) });
    expect(good.code, good.stderr).toBe(0);
    // Replacing it is held to the same minimum.
    expect((await cli(data, ['vault', 'set', 'merchant_key', '--env', 'UAT'], { stdin: pemOf(1024) })).code).not.toBe(0);
  });

  it('backup needs the vault passphrase, writes the file itself, and restore --from reads it into another vault', async () => {
    const data = join(dir.path, 'data');
    await cli(data, ['vault', 'init']);
    await cli(data, ['vault', 'set', 'client_secret', '--env', 'UAT'], { stdin: 'uat-client-secret-value-123' });
    const out = join(dir.path, 'backups');
    const wrong = await cli(data, ['vault', 'backup', '--out', out], { env: { COUNTERSIGN_PASSPHRASE: 'not the vault passphrase' } });
    expect(wrong.code).not.toBe(0);
    const made = await cli(data, ['vault', 'backup', '--out', out]);
    expect(made.code, made.stderr).toBe(0);
    const path = made.stdout.trim();
    expect(path.startsWith(out)).toBe(true);
    expect(await readFile(path, 'utf8')).not.toContain('uat-client-secret-value-123');
    if (process.platform !== 'win32') expect((await stat(path)).mode & 0o777).toBe(0o600);

    const other = join(dir.path, 'other');
    await cli(other, ['vault', 'init'], { env: { COUNTERSIGN_PASSPHRASE: 'the other machine passphrase' } });
    const otherEnv = { COUNTERSIGN_PASSPHRASE: 'the other machine passphrase', COUNTERSIGN_BACKUP_PASSPHRASE: PASSPHRASE };
    const restored = await cli(other, ['vault', 'restore', '--from', path], { env: otherEnv });
    expect(restored.code, restored.stderr).toBe(0);
    expect(restored.stderr).toMatch(/1 added/);
    expect((await cli(other, ['vault', 'list', '--env', 'UAT', '--json'], { env: otherEnv })).stdout).toContain('client_secret');
  });

  it('a damaged vault points at "vault restore", which lists and puts back a kept copy', async () => {
    const data = join(dir.path, 'data');
    await cli(data, ['vault', 'init']);
    await cli(data, ['vault', 'set', 'client_secret', '--env', 'UAT'], { stdin: 'uat-client-secret-value-123' });
    await writeFile(join(data, 'vault.json'), '{"format": "countersign-vault", "version": 1, "secr');
    const broken = await cli(data, ['vault', 'list']);
    expect(broken.code).not.toBe(0);
    expect(broken.stderr).toMatch(/truncated.*countersign vault restore/);
    const listed = await cli(data, ['vault', 'restore']);
    expect(listed.code).toBe(0);
    const newest = listed.stdout.split('\n')[0]?.split(' ')[0] ?? '';
    expect(newest).toMatch(/^vault-.*\.json$/);
    expect((await cli(data, ['vault', 'restore', '--id', newest])).code).toBe(0);
    const after = await cli(data, ['vault', 'list', '--json']);
    expect(after.code, after.stderr).toBe(0);
  });
});

describe('countersign vault and hosts', () => {
  it('set --host binds a new secret; hosts and allow change it only with the vault passphrase', async () => {
    const data = join(dir.path, 'data');
    await cli(data, ['vault', 'init']);
    const set = await cli(data, ['vault', 'set', 'api_key', '--env', 'UAT', '--host', 'https://API.example.com/v1', '--host', 'pay.example.com:8443'], { stdin: 'uat-api-key-value-123' });
    expect(set.code, set.stderr).toBe(0);
    expect((await cli(data, ['vault', 'hosts', 'api_key', '--env', 'UAT'])).stdout).toBe('api.example.com\npay.example.com:8443\n');

    // COUNTERSIGN_PASSPHRASE unlocks; the prompt asked for the confirmation gets a wrong one.
    const wrong = await cli(data, ['vault', 'allow', 'api_key', '--env', 'UAT', '--allow-host', 'evil.example'], { env: { COUNTERSIGN_PASSPHRASE: '' }, prompt: (question) => Promise.resolve(question.startsWith('Vault passphrase') && wrongOnce() ? 'not it at all' : PASSPHRASE) });
    expect(wrong.code).not.toBe(0);
    expect((await cli(data, ['vault', 'hosts', 'api_key', '--env', 'UAT'])).stdout).not.toContain('evil.example');

    const allowed = await cli(data, ['vault', 'allow', 'api_key', '--env', 'UAT', '--allow-host', 'other.example.com']);
    expect(allowed.code, allowed.stderr).toBe(0);
    expect((await cli(data, ['vault', 'hosts', 'api_key', '--env', 'UAT'])).stdout).toContain('other.example.com');
    const listed = await cli(data, ['vault', 'list', '--env', 'UAT', '--json']);
    expect(JSON.parse(listed.stdout)).toEqual([expect.objectContaining({ name: 'api_key', hosts: ['api.example.com', 'pay.example.com:8443', 'other.example.com'] })]);
  });
});

// The first "Vault passphrase" prompt (the unlock) gets the right one; the second (the confirmation) a wrong one.
let prompts = 0;
function wrongOnce(): boolean {
  prompts++;
  return prompts === 2;
}
