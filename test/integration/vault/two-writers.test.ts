import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVaultService } from '../../../main/vault/vault-service.ts';
import { makeTempDir } from '../../support/temp-dir.ts';

const WRITER = fileURLToPath(new URL('./fixtures/vault-stress-writer.ts', import.meta.url));
const PASSPHRASE = 'stress test passphrase';
const FAST = { N: 2 ** 10, r: 8, p: 1 };
const WRITES = 25;

let dir: { path: string; remove: () => Promise<void> };
beforeAll(async () => {
  dir = await makeTempDir('countersign-vault-writers-');
});
afterAll(async () => {
  await dir.remove();
});

/** Runs one writer to the end and returns the names it reported as stored. */
function runWriter(prefix: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [WRITER, dir.path, prefix, String(WRITES)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) reject(new Error(`writer ${prefix} exited with ${String(code)}: ${stderr}`));
      else resolve([...stdout.matchAll(/^stored (\S+)$/gm)].map((match) => match[1] ?? ''));
    });
  });
}

describe('two processes writing the vault at once', () => {
  it('loses no write either reported as stored', async () => {
    const setup = createVaultService({ dataDir: dir.path, platform: 'linux', scryptParams: FAST });
    await setup.setup({ passphrase: PASSPHRASE });
    await setup.close();

    const [a, b] = await Promise.all([runWriter('a'), runWriter('b')]);
    expect(a).toHaveLength(WRITES);
    expect(b).toHaveLength(WRITES);

    const check = createVaultService({ dataDir: dir.path, platform: 'linux', scryptParams: FAST });
    await check.unlock({ passphrase: PASSPHRASE });
    const stored = new Set(check.list({ environment: 'stress' }).secrets.map((secret) => secret.name));
    expect([...a, ...b].filter((name) => !stored.has(name))).toEqual([]);
    expect(stored.size).toBe(2 * WRITES);
    for (const name of [...a, ...b]) expect(await check.get('stress', name)).toBe(`value-of-${name}`);
    await check.close();
  }, 120_000);
});
