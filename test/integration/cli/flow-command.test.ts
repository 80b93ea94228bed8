import { spawn } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FlowRunState } from '../../../main/contract/flows.ts';
import { EXIT } from '../../../main/cli/exit-codes.ts';
import { SANDBOX_SAMPLE_IDS } from '../../../main/sandbox/credentials.ts';
import { makeTempDir } from '../../support/temp-dir.ts';
import { PASSPHRASE, preparedDataDir, useCliSession } from './cli-fixture.ts';

const CLI_ENTRY = fileURLToPath(new URL('../../../bin/countersign.mjs', import.meta.url));

describe('countersign flow', () => {
  const session = useCliSession();
  const run = session.run;
  const savedDownloads = process.env.COUNTERSIGN_DOWNLOADS_DIR;
  beforeAll(() => {
    process.env.COUNTERSIGN_DOWNLOADS_DIR = session.path();
  });
  afterAll(() => {
    if (savedDownloads === undefined) delete process.env.COUNTERSIGN_DOWNLOADS_DIR;
    else process.env.COUNTERSIGN_DOWNLOADS_DIR = savedDownloads;
  });

  it('lists the flows', async () => {
    const result = await run(['flow']);
    expect(result.code).toBe(EXIT.ok);
    expect(result.stdout).toBe(
      [
        'PayNet OSP/Download report  (4 steps)',
        '    --var reportType=…  (default: settlement)',
        '    --var dateFrom=…  (default: {{$yesterday}})',
        '    --var dateTo=…  (default: {{$yesterday}})',
        '    --var format=…  (default: csv)',
        'MTN MoMo/Provision sandbox API user  (3 steps)',
        'MTN MoMo/Request to pay and wait for the callback  (3 steps)',
        '    --var callbackUrl=…  (default: {{$inboxUrl}}/momo/requesttopay)',
        '    --var amount=…  (default: {{amount}})',
        '    --var currency=…  (default: {{currency}})',
        '    --var payerMsisdn=…  (default: {{payerMsisdn}})',
        '',
      ].join('\n'),
    );
  });

  it('--out-dir: the report lands in that folder (created), with the --var inputs in the request as sent, and nothing in the downloads folder', async () => {
    const outDir = join(session.path(), 'out', 'reports');
    const before = await readdir(session.path());
    const result = await run(['flow', 'PayNet OSP/Download report', '--env', 'Sandbox', '--out-dir', outDir, '--var', 'reportType=transactions', '--var', 'dateFrom=2026-11-01', '--json']);
    expect(result.code, result.stderr).toBe(EXIT.ok);
    const state = JSON.parse(result.stdout) as FlowRunState;
    const saved = state.steps[3]!.saved!;
    expect(saved.path.startsWith(`${outDir}/`)).toBe(true);
    expect((await readdir(outDir)).length).toBe(1);
    // The downloads folder (the session dir, also the data dir here) got no report.
    expect((await readdir(session.path())).filter((name) => !before.includes(name) && name.endsWith('.csv'))).toEqual([]);
    expect(state.variables).toEqual(expect.arrayContaining([{ name: 'reportType', value: 'transactions' }, { name: 'dateFrom', value: '2026-11-01' }]));
  });

  it('--out-dir that cannot be a folder is refused before anything is sent', async () => {
    const file = join(session.path(), 'not-a-folder');
    await writeFile(file, 'x');
    const result = await run(['flow', 'PayNet OSP/Download report', '--env', 'Sandbox', '--out-dir', file]);
    expect(result.code).toBe(EXIT.usage);
    expect(result.stderr).toContain(`--out-dir: ${file} cannot be used`);
    expect(result.stderr).not.toContain('1/4');
  });

  it('runs PayNet "Download report": each step on stderr, the CSV saved with its SHA-256', async () => {
    const result = await run(['flow', 'PayNet OSP/Download report', '--env', 'Sandbox']);
    expect(result.code, result.stderr).toBe(EXIT.ok);
    expect(result.stderr).toMatch(/\[~\] 3\/4 Wait until it is ready: Attempt 1: "PENDING"; waiting until \$\.status equals "READY"/);
    expect(result.stderr).toMatch(/\[ok\] 3\/4 Wait until it is ready: Done after \d+ attempts/);
    expect(result.stderr).toMatch(/\[ok\] 4\/4 Download: Saved /);
    const saved = /Saved (.+\.csv) \(8\.0 MiB, SHA-256 ([0-9a-f]{64})\)/.exec(result.stdout);
    expect(saved, result.stdout).not.toBeNull();
    expect((await readFile(saved![1]!)).length).toBe(8 * 1024 * 1024);
  });

  it('provisions a MoMo API user that later commands, in new processes with a new sandbox, still use', async () => {
    const result = await run(['flow', 'MTN MoMo/Provision sandbox API user', '--env', 'Sandbox', '--json']);
    expect(result.code, result.stderr).toBe(EXIT.ok);
    const state = JSON.parse(result.stdout) as FlowRunState;
    const apiUser = state.variables.find((variable) => variable.name === 'apiUser')!.value;
    expect(state.steps.map((step) => step.status)).toEqual(['succeeded', 'succeeded', 'succeeded']);
    const env = await run(['env', 'list', 'MTN MoMo']);
    expect(env.stdout).toContain(apiUser);
    // The sandbox of that run has stopped; this run starts a new one, which still knows the user and its key.
    const pay = await run(['run', 'MTN MoMo/Request to pay', '--env', 'Sandbox']);
    expect(pay.code, pay.stderr).toBe(EXIT.ok);
  });

  it('runs the MoMo request to pay and waits for its callback', async () => {
    const result = await run(['flow', 'MTN MoMo/Request to pay and wait for the callback', '--env', 'Sandbox']);
    expect(result.code, result.stderr).toBe(EXIT.ok);
    expect(result.stderr).toMatch(/\[~\] 2\/3 Wait for the callback: Waiting up to 60 s for a callback to http:\/\/127\.0\.0\.1:\d+ that contains "[0-9a-f-]{36}"/);
    expect(result.stdout).toContain('paymentStatus = SUCCESSFUL');
  });

  it('a poll that never completes ends with a timeout message and exit code 4', async () => {
    const file = join(session.path(), 'never.countersign.json');
    await writeFile(file, JSON.stringify(neverReadyCollection()));
    expect((await run(['import', 'collection', file])).code).toBe(EXIT.ok);
    const result = await run(['flow', 'Never ready/Wait forever', '--env', 'Sandbox']);
    expect(result.code).toBe(EXIT.network);
    expect(result.stderr).toMatch(/\[FAIL\] 1\/1 Poll: Timed out after 1 s \(waited [\d.]+ (ms|s), \d+ attempts\): still waiting until \$\.status equals "ARCHIVED"; last value "READY"\./);
    expect(result.stdout).toMatch(/^Wait forever on Sandbox: failed \(Step 1 \(Poll\) failed: Timed out after 1 s/);
  });

  it('refuses unknown flows, a missing --env and a protected environment without --yes-production', async () => {
    expect((await run(['flow', 'PayNet OSP/Nope', '--env', 'Sandbox'])).stderr).toContain('No flow "PayNet OSP/Nope". There are: "PayNet OSP/Download report"');
    expect((await run(['flow', 'PayNet OSP/Download report'])).code).toBe(EXIT.usage);
    const production = await run(['flow', 'PayNet OSP/Download report', '--env', 'Production']);
    expect(production.code).toBe(EXIT.protectedEnvironment);
  });
});

/** A PayNet-style collection whose one flow polls the sandbox's ready-made report for a status it never reaches. */
function neverReadyCollection() {
  const secret = '{{secret:paynet.client_secret}}';
  return {
    format: 'countersign.collection',
    version: 2,
    collection: {
      name: 'Never ready',
      auth: {
        mode: 'chain',
        steps: [
          { type: 'oauth2-client-credentials', tokenUrl: '{{baseUrl}}/token', clientId: 'sandbox-osp-client', clientSecret: secret, clientAuth: 'body' },
          { type: 'paynet-signature', clientSecret: secret },
        ],
      },
      environments: [{ name: 'Sandbox', variables: [{ name: 'baseUrl', value: 'http://127.0.0.1:0/osp', enabled: true }], secrets: ['paynet.client_secret'], builtInSandbox: true }],
      flows: [
        {
          name: 'Wait forever',
          steps: [
            {
              kind: 'request',
              name: 'Poll',
              request: ['Status'],
              poll: { until: { source: { from: 'json', path: '$.status' }, operator: 'equals', value: 'ARCHIVED' }, intervalSeconds: 0.2, timeoutSeconds: 1, maxAttempts: 100 },
            },
          ],
        },
      ],
      items: [{ type: 'request', name: 'Status', method: 'GET', url: `{{baseUrl}}/api/v1/reports/${SANDBOX_SAMPLE_IDS.paynetReportId}` }],
    },
  };
}

describe('countersign flow and Ctrl+C', () => {
  it('cancels the run while it polls, says so, skips the download and exits 130', async () => {
    const dir = await makeTempDir();
    try {
      await preparedDataDir(dir.path);
      const child = spawn(process.execPath, [CLI_ENTRY, 'flow', 'PayNet OSP/Download report', '--env', 'Sandbox', '--data-dir', dir.path], {
        env: { PATH: process.env.PATH, HOME: dir.path, COUNTERSIGN_PASSPHRASE: PASSPHRASE, COUNTERSIGN_DOWNLOADS_DIR: dir.path },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      // Interrupt while the poll waits between attempts.
      await expect.poll(() => stderr, { timeout: 20_000 }).toContain('[~] 3/4');
      child.kill('SIGINT');
      const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
      expect(code, stderr).toBe(EXIT.interrupted);
      expect(stderr).toContain('Cancelling');
      expect(stderr).toMatch(/\[x\] 3\/4 Wait until it is ready: Cancelled\./);
      expect(stderr).toMatch(/\[-\] 4\/4 Download/);
    } finally {
      await dir.remove();
    }
  });
});
