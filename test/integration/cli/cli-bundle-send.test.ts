import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT } from '../../../main/cli/exit-codes.ts';
import { testBackend } from '../../support/backend.ts';
import { makeTempDir } from '../../support/temp-dir.ts';
import { PASSPHRASE, preparedDataDir } from './cli-fixture.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
// Two levels under the project, like out/cli (the bundle finds package.json relative to itself).
const OUT = join(ROOT, 'out', `cli-send-test-${String(process.pid)}`);

function runNode(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

// The bundle takes node:http through require() (scripts/build-cli.mjs) and ships the unlock agent as its own entry:
// both only show when the bundle really sends and really starts an agent.
describe('the prebuilt CLI bundle sends and runs its unlock agent', () => {
  let data: Awaited<ReturnType<typeof makeTempDir>>;
  let server: Server;
  beforeAll(async () => {
    data = await makeTempDir();
    await preparedDataDir(data.path);
    server = createServer((_request, response) => response.end('pong'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const backend = testBackend(data.path);
    try {
      const collection = await backend.dispatcher.call('workspace:create', { kind: 'collection', name: 'Plain' });
      const url = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}/ping`;
      await backend.dispatcher.call('workspace:create', { kind: 'request', parentId: collection.id, name: 'Ping', method: 'GET', url });
      await backend.dispatcher.call('workspace:create-environment', { collectionId: collection.id, name: 'Local', protected: false });
    } finally {
      await backend.close();
    }
    const { buildCli } = (await import(join(ROOT, 'scripts', 'build-cli.mjs'))) as { buildCli: (outDir: string) => Promise<number> };
    await buildCli(OUT);
  }, 120_000);
  afterAll(async () => {
    rmSync(OUT, { recursive: true, force: true });
    await new Promise((resolve) => server.close(resolve));
    await data.remove();
  });

  it('sends a request over undici from the bundle', async () => {
    const run = await runNode([join(OUT, 'countersign.mjs'), 'run', 'Plain/Ping', '--env', 'Local', '--data-dir', data.path]);
    expect(run.stderr).toContain('200 OK');
    expect(run.code).toBe(EXIT.ok);
    expect(run.stdout).toBe('pong');
  }, 60_000);

  it('starts the agent from the bundle, serves a command without the passphrase, and locks', async () => {
    const bundle = join(OUT, 'countersign.mjs');
    const started = await runNode([bundle, 'vault', 'unlock', '--for', '2m', '--data-dir', data.path], { COUNTERSIGN_PASSPHRASE: PASSPHRASE });
    expect(started.code).toBe(EXIT.ok);
    const pid = Number(/pid (\d+)/.exec(started.stderr)?.[1]);
    try {
      const listed = await runNode([bundle, 'vault', 'list', '--env', 'Sandbox', '--data-dir', data.path]);
      expect(listed.code).toBe(EXIT.ok);
      expect(listed.stdout).toContain('paynet.client_secret');
    } finally {
      const locked = await runNode([bundle, 'vault', 'lock', '--data-dir', data.path]);
      expect(locked.stderr).toContain('stopped');
      if (pid > 0) {
        try {
          process.kill(pid);
        } catch {
          // already gone, as it should be
        }
      }
    }
  }, 60_000);
});
