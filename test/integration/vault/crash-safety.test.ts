import { spawn } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVaultService } from '../../../main/vault/vault-service.ts';
import { makeTempDir } from '../../support/temp-dir.ts';

const WRITER = fileURLToPath(new URL('./fixtures/vault-writer.ts', import.meta.url));
const PASSPHRASE = 'crash test passphrase';
const FAST = { N: 2 ** 10, r: 8, p: 1 };
const KILLS = 25;
// Makes each write long enough for a kill to land inside one.
const FILLER = 'F'.repeat(256 * 1024);

let dir: { path: string; remove: () => Promise<void> };
beforeAll(async () => {
  dir = await makeTempDir('countersign-vault-crash-');
});
afterAll(async () => {
  await dir.remove();
});

const open = () => createVaultService({ dataDir: dir.path, platform: 'linux', scryptParams: FAST });

/**
 * Runs the writer, kills it `delayMs` after its first write (so every round
 * interrupts the write loop, not start-up), and returns the last generation
 * it reported as written.
 */
function runAndKill(start: number, delayMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [WRITER, dir.path, String(start)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let lastCommitted = start;
    let armed = false;
    let buffered = '';
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        const match = /^committed (\d+)$/.exec(line);
        if (!match) continue;
        lastCommitted = Number(match[1]);
        if (!armed) {
          armed = true;
          setTimeout(() => child.kill('SIGKILL'), delayMs);
        }
      }
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`writer exited on its own (code ${String(code)}): ${stderr}`));
      else resolve(lastCommitted);
    });
  });
}

describe('vault crash safety', () => {
  it('always opens with the old or the new content after SIGKILL at random points of many writes', async () => {
    const setup = open();
    await setup.setup({ passphrase: PASSPHRASE });
    await setup.add({ environment: 'sandbox', name: 'filler', kind: 'certificate', value: FILLER });
    await setup.add({ environment: 'sandbox', name: 'counter', kind: 'text', value: 'generation-0' });
    await setup.close();

    let generation = 0;
    let writesSeen = 0;
    for (let round = 0; round < KILLS; round++) {
      const lastCommitted = await runAndKill(generation, Math.floor(Math.random() * 80));
      writesSeen += lastCommitted - generation;

      const vault = open();
      const status = await vault.status();
      expect(status.problem, `round ${round}`).toBeNull();
      await vault.unlock({ passphrase: PASSPHRASE });
      const value = await vault.get('sandbox', 'counter');
      // The write in flight at the kill either landed whole or not at all.
      expect([`generation-${lastCommitted}`, `generation-${lastCommitted + 1}`], `round ${round}`).toContain(value);
      expect(await vault.get('sandbox', 'filler')).toBe(FILLER);
      await vault.close();
      generation = Number(value.slice('generation-'.length));
    }
    expect(writesSeen).toBeGreaterThanOrEqual(KILLS);
    const backupCount = async () => (await readdir(`${dir.path}/vault-backups`)).filter((name) => name.endsWith('.json')).length;
    // A kill between saving a backup and pruning the oldest leaves one extra copy...
    expect(await backupCount()).toBeLessThanOrEqual(6);
    // ...which the next completed write prunes.
    const vault = open();
    await vault.unlock({ passphrase: PASSPHRASE });
    await vault.rotate({ environment: 'sandbox', name: 'counter', value: 'after the kills' });
    await vault.close();
    expect(await backupCount()).toBeLessThanOrEqual(5);
  });
});
