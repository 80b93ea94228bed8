import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SANDBOX_CREDENTIALS } from '../../../main/sandbox/credentials.ts';
import { makeTempDir } from '../../support/temp-dir.ts';
import { PASSPHRASE, preparedDataDir, secretValues } from './cli-fixture.ts';

const CLI_ENTRY = fileURLToPath(new URL('../../../bin/countersign.mjs', import.meta.url));

/** `countersign inbox` in its own process, once it says where it listens. */
async function startInbox(args: string[], env: NodeJS.ProcessEnv = process.env) {
  const child = spawn(process.execPath, [CLI_ENTRY, 'inbox', ...args], { stdio: ['ignore', 'pipe', 'pipe'], env });
  const seen = { stdout: '', stderr: '' };
  child.stdout.on('data', (chunk: Buffer) => (seen.stdout += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no address: ${seen.stderr}`)), 20_000);
    child.stderr.on('data', (chunk: Buffer) => {
      seen.stderr += chunk.toString();
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(seen.stderr);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
  });
  const stop = async (): Promise<number | null> => {
    const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
    child.kill('SIGINT');
    return closed;
  };
  return { url, seen, stop };
}

describe('countersign inbox', () => {
  it('prints each callback as it arrives, with control characters escaped and an oversized body cut and flagged', async () => {
    const inbox = await startInbox([]);
    try {
      const { url, seen } = inbox;
      expect((await fetch(`${url}/momo/requesttopay`, { method: 'PUT', body: '{"status":"SUCCESSFUL","note":"\u001b[31mred\r"}' })).status).toBe(200);
      expect((await fetch(`${url}/big`, { method: 'POST', body: 'x'.repeat(100_000) })).status).toBe(200);
      await expect.poll(() => seen.stdout, { timeout: 5000 }).toContain('POST /big');
      expect(seen.stdout).toContain('PUT /momo/requesttopay');
      expect(seen.stdout).toContain('"note":"\\x1b[31mred\\x0d"');
      expect(seen.stdout).not.toContain('\u001b');
      expect(seen.stdout).toContain('(body cut: 100000 bytes received, the first 65536 kept)');
      expect(seen.stdout).not.toContain('x'.repeat(65_537));
    } finally {
      expect(await inbox.stop()).toBe(0);
    }
  });
});

describe('countersign inbox with a vault', () => {
  it('prints vault and COUNTERSIGN_SECRET_* values that arrive in a callback as [redacted], in text and JSON', async () => {
    const dir = await makeTempDir();
    try {
      await preparedDataDir(dir.path);
      const fromVariable = 'ci-provided-secret-4d1c';
      for (const json of [false, true]) {
        const env = { ...process.env, COUNTERSIGN_PASSPHRASE: PASSPHRASE, COUNTERSIGN_SECRET_UAT_PAYNET_CLIENT_SECRET: fromVariable };
        const inbox = await startInbox(['--data-dir', dir.path, ...(json ? ['--json'] : [])], env);
        try {
          const { clientSecret } = SANDBOX_CREDENTIALS.paynet;
          const body = `token=${encodeURIComponent(clientSecret)}&other=${fromVariable}&plain=visible-part`;
          await fetch(`${inbox.url}/cb?key=${encodeURIComponent(SANDBOX_CREDENTIALS.momo.subscriptionKey)}`, { method: 'POST', body, headers: { 'x-api-key': SANDBOX_CREDENTIALS.centagate.secretKey } });
          await expect.poll(() => inbox.seen.stdout, { timeout: 5000 }).toContain('visible-part');
          for (const secret of [...secretValues(), fromVariable]) expect(inbox.seen.stdout).not.toContain(secret);
          expect(inbox.seen.stdout).toContain('[redacted]');
        } finally {
          expect(await inbox.stop()).toBe(0);
        }
      }
    } finally {
      await dir.remove();
    }
  });

  it('says once that a locked vault cannot be used to hide values, and still listens', async () => {
    const dir = await makeTempDir();
    try {
      await preparedDataDir(dir.path);
      const env = { ...process.env };
      delete env.COUNTERSIGN_PASSPHRASE;
      const inbox = await startInbox(['--data-dir', dir.path], env);
      expect(await inbox.stop()).toBe(0);
      expect(inbox.seen.stderr).toContain('the vault is locked');
    } finally {
      await dir.remove();
    }
  });
});
