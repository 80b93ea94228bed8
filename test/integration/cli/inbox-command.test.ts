import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SANDBOX_CREDENTIALS } from '../../../main/sandbox/credentials.ts';
import { makeTempDir } from '../../support/temp-dir.ts';
import { PASSPHRASE, preparedDataDir, secretValues } from './cli-fixture.ts';

const CLI_ENTRY = fileURLToPath(new URL('../../../bin/countersign.mjs', import.meta.url));

describe('countersign inbox', () => {
  it('prints each callback as it arrives, with control characters escaped and an oversized body cut and flagged', async () => {
    const child = spawn(process.execPath, [CLI_ENTRY, 'inbox'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no address: ${stderr}`)), 10_000);
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(stderr);
        if (match?.[1]) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      });
    });
    try {
      expect((await fetch(`${url}/momo/requesttopay`, { method: 'PUT', body: '{"status":"SUCCESSFUL","note":"\u001b[31mred\r"}' })).status).toBe(200);
      expect((await fetch(`${url}/big`, { method: 'POST', body: 'x'.repeat(100_000) })).status).toBe(200);
      await expect.poll(() => stdout, { timeout: 5000 }).toContain('POST /big');
      expect(stdout).toContain('PUT /momo/requesttopay');
      expect(stdout).toContain('"note":"\\x1b[31mred\\x0d"');
      expect(stdout).not.toContain('\u001b');
      expect(stdout).toContain('(body cut: 100000 bytes received, the first 65536 kept)');
      expect(stdout).not.toContain('x'.repeat(65_537));
    } finally {
      child.kill('SIGINT');
    }
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(0);
  });
});

describe('countersign inbox with a vault', () => {
  it('prints vault and COUNTERSIGN_SECRET_* values that arrive in a callback as [redacted], in text and JSON', async () => {
    const dir = await makeTempDir();
    try {
      await preparedDataDir(dir.path);
      const fromVariable = 'ci-provided-secret-4d1c';
      for (const json of [false, true]) {
        const child = spawn(process.execPath, [CLI_ENTRY, 'inbox', '--data-dir', dir.path, ...(json ? ['--json'] : [])], {
          stdio: ['ignore', 'pipe', 'pipe'],
          env: { ...process.env, COUNTERSIGN_PASSPHRASE: PASSPHRASE, COUNTERSIGN_SECRET_UAT_PAYNET_CLIENT_SECRET: fromVariable },
        });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
        const url = await new Promise<string>((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error(`no address: ${stderr}`)), 20_000);
          child.stderr.on('data', (chunk: Buffer) => {
            stderr += chunk.toString();
            const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(stderr);
            if (match?.[1]) {
              clearTimeout(timer);
              resolve(match[1]);
            }
          });
        });
        try {
          const { clientSecret } = SANDBOX_CREDENTIALS.paynet;
          const body = `token=${encodeURIComponent(clientSecret)}&other=${fromVariable}&plain=visible-part`;
          await fetch(`${url}/cb?key=${encodeURIComponent(SANDBOX_CREDENTIALS.momo.subscriptionKey)}`, { method: 'POST', body, headers: { 'x-api-key': SANDBOX_CREDENTIALS.centagate.secretKey } });
          await expect.poll(() => stdout, { timeout: 5000 }).toContain('visible-part');
          for (const secret of [...secretValues(), fromVariable]) expect(stdout).not.toContain(secret);
          expect(stdout).toContain('[redacted]');
        } finally {
          child.kill('SIGINT');
        }
        expect(await new Promise<number | null>((resolve) => child.on('close', resolve))).toBe(0);
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
      const child = spawn(process.execPath, [CLI_ENTRY, 'inbox', '--data-dir', dir.path], { stdio: ['ignore', 'pipe', 'pipe'], env });
      let stderr = '';
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no address: ${stderr}`)), 20_000);
        child.stderr.on('data', (chunk: Buffer) => {
          stderr += chunk.toString();
          if (stderr.includes('listening on')) {
            clearTimeout(timer);
            resolve();
          }
        });
      });
      child.kill('SIGINT');
      expect(await new Promise<number | null>((resolve) => child.on('close', resolve))).toBe(0);
      expect(stderr).toContain('the vault is locked');
    } finally {
      await dir.remove();
    }
  });
});
