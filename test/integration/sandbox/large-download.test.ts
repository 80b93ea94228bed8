/**
 * Runs the sandbox as its own process (`node main/sandbox/start.ts`) and
 * streams a 256 MiB report from it, checking the sandbox's peak memory stays
 * far below the report size: the CSV must be generated as it is sent.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { get } from 'node:http';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_CREDENTIALS } from '../../../main/sandbox/index.ts';
import { hmacSha256Hex } from './support/sign.ts';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const REPORT_BYTES = 256 * 1024 * 1024;
const MIB = 1024 * 1024;

let child: ChildProcess;
let baseUrl = '';

beforeAll(async () => {
  child = spawn(process.execPath, ['main/sandbox/start.ts', '--port', '0', '--quiet'], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout! });
  baseUrl = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the sandbox exited early with ${String(code)}`)));
    lines.once('line', (line) => {
      const match = /^sandbox listening on (http:\/\/127\.0\.0\.1:\d+)$/.exec(line);
      if (match?.[1]) resolve(match[1]);
      else reject(new Error(`unexpected first line: ${line}`));
    });
  });
});

afterAll(async () => {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
});

function memoryKiB(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB$`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!match?.[1]) throw new Error(`no ${field} for ${pid}`);
  return Number(match[1]);
}

function signed(token: string): Record<string, string> {
  const timestamp = String(Math.floor(Date.now() / 1000));
  return { authorization: `Bearer ${token}`, 'x-timestamp': timestamp, 'x-signature': hmacSha256Hex(SANDBOX_CREDENTIALS.paynet.clientSecret, timestamp) };
}

/** Streams a response, keeping only the byte count and the first line. */
function download(url: string, headers: Record<string, string>): Promise<{ status: number; bytes: number; firstLine: string }> {
  return new Promise((resolve, reject) => {
    get(url, { headers }, (res) => {
      let bytes = 0;
      let head = '';
      res.on('data', (chunk: Buffer) => {
        if (head.length < 200) head += chunk.subarray(0, 200).toString('latin1');
        bytes += chunk.length;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, bytes, firstLine: head.split('\n')[0] ?? '' }));
      res.on('error', reject);
    }).on('error', reject);
  });
}

async function readyReport(sizeBytes: number): Promise<{ token: string; reportId: string }> {
  const tokenResponse = await fetch(`${baseUrl}/osp/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: SANDBOX_CREDENTIALS.paynet.clientId, client_secret: SANDBOX_CREDENTIALS.paynet.clientSecret }),
  });
  const { access_token: token } = (await tokenResponse.json()) as { access_token: string };
  const created = await fetch(`${baseUrl}/osp/api/v1/reports`, {
    method: 'POST',
    headers: { ...signed(token), 'content-type': 'application/json' },
    body: JSON.stringify({ reportType: 'transactions', sizeBytes }),
  });
  const { reportId } = (await created.json()) as { reportId: string };
  // The default sandbox answers PENDING a few times before READY.
  for (let poll = 0; poll < 10; poll += 1) {
    const status = (await (await fetch(`${baseUrl}/osp/api/v1/reports/${reportId}`, { headers: signed(token) })).json()) as { status: string };
    if (status.status === 'READY') return { token, reportId };
  }
  throw new Error(`report ${reportId} never became READY`);
}

describe('sandbox process: streamed report download', () => {
  it('prints its address and describes itself', async () => {
    const response = await fetch(`${baseUrl}/sandbox`);
    expect(response.status).toBe(200);
    expect(((await response.json()) as { name: string }).name).toBe('Countersign sandbox');
  });

  it.runIf(existsSync('/proc/self/status'))('streams a 256 MiB CSV without the sandbox holding it in memory', async () => {
    const { token, reportId } = await readyReport(REPORT_BYTES);

    const pid = child.pid!;
    const before = memoryKiB(pid, 'VmRSS');
    const result = await download(`${baseUrl}/osp/api/v1/reports/${reportId}/download`, signed(token));
    const peakGrowthMiB = (memoryKiB(pid, 'VmHWM') - before) / 1024;

    expect(result.status).toBe(200);
    expect(result.bytes).toBe(REPORT_BYTES);
    expect(result.firstLine).toBe('row_no,transaction_time,merchant_id,amount_myr,status,reference');
    // Generous bound: a body built in memory would add at least 256 MiB.
    expect(peakGrowthMiB).toBeLessThan(64);
    process.stdout.write(`sandbox peak RSS growth over a ${REPORT_BYTES / MIB} MiB download: ${peakGrowthMiB.toFixed(1)} MiB\n`);
  });

  it('survives a client that hangs up mid-download and keeps serving', async () => {
    const { token, reportId } = await readyReport(REPORT_BYTES);
    const received = await new Promise<number>((resolve, reject) => {
      const request = get(`${baseUrl}/osp/api/v1/reports/${reportId}/download`, { headers: signed(token) }, (res) => {
        let bytes = 0;
        res.on('data', (chunk: Buffer) => {
          bytes += chunk.length;
          if (bytes >= 8 * MIB) request.destroy();
        });
        res.on('close', () => resolve(bytes));
      });
      request.on('error', (error) => (request.destroyed ? undefined : reject(error)));
    });
    expect(received).toBeLessThan(REPORT_BYTES);
    const again = await download(`${baseUrl}/osp/api/v1/reports/${reportId}/download`, signed(token));
    expect(again.bytes).toBe(REPORT_BYTES);
  });
});
