import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

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
