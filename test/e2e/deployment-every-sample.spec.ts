/**
 * Every sample request and every built-in flow, sent from the app, against a
 * deployment shaped like a real one all at once: HTTPS with a private CA
 * trusted only through the environment's CA setting, each gateway under a
 * path prefix, a real proxy (tinyproxy) in the way, and a day-one vault (no
 * MoMo API user or key until the provisioning flow makes them). The data
 * directory is configured with the CLI first, as a user scripting their set-up
 * would; everything after that is clicked in the browser.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { SANDBOX_CREDENTIALS, readSandboxMerchantPrivateKey } from '../../main/sandbox/credentials.ts';
import { startSandbox } from '../../main/sandbox/index.ts';
import { ENV, PREFIXES, configureShape } from '../integration/deployments/shape-setup.ts';
import { makeTestPki } from '../support/openssl-ca.ts';
import { startTinyproxy } from '../support/tinyproxy.ts';
import { expect, test } from './support/fixtures.ts';

const PASSPHRASE = 'every sample e2e passphrase';
const CLI = fileURLToPath(new URL('../../main/cli/index.ts', import.meta.url));

const REQUESTS: [collection: string, request: string][] = [
  ['PayNet OSP', 'Get access token'],
  ['PayNet OSP', 'Request a report'],
  ['PayNet OSP', 'Report status'],
  ['PayNet OSP', 'Download report'],
  ['MTN MoMo', 'Request to pay'],
  ['MTN MoMo', 'Request to pay status'],
  ['MTN MoMo', 'Create access token'],
  ['MTN MoMo', 'Get API user'],
  ['CENTAGATE', 'authQRCode (transaction)'],
  ['Elecsnet', 'Sale (HMAC-SHA1)'],
  ['Elecsnet', 'Sale (RSA-SHA256)'],
];
// The provisioning flow runs first: on a day-one vault it is what creates the MoMo API user and key.
const FLOWS = ['Provision sandbox API user', 'Download report', 'Request to pay and wait for the callback'];

type CliResult = { code: number; stdout: string; stderr: string };

/** The CLI as a user runs it, in its own process, on the test's data directory. */
function cliOn(dataDir: string) {
  return (argv: string[], options?: { stdin?: string }): Promise<CliResult> =>
    new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [CLI, ...argv, '--data-dir', dataDir], {
        env: { ...process.env, COUNTERSIGN_PASSPHRASE: PASSPHRASE },
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.once('error', reject);
      child.once('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
      child.stdin.end(options?.stdin ?? '');
    });
}

async function unlock(app: Page) {
  await app.getByRole('navigation').getByRole('button', { name: 'Vault' }).click();
  await app.getByLabel('Passphrase').fill(PASSPHRASE);
  await app.getByRole('button', { name: 'Unlock' }).click();
  await expect(app.getByTestId('vault-state')).toHaveText('Unlocked');
}

async function runFlow(app: Page, name: string) {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  await app.getByRole('navigation', { name: 'Flow list' }).getByRole('button', { name: new RegExp(`^${escaped} ·`) }).click();
  await expect(app.getByRole('heading', { level: 2, name })).toBeVisible();
  await app.getByRole('radiogroup', { name: 'Environment' }).getByRole('radio', { name: ENV }).click();
  await app.getByRole('button', { name: 'Run', exact: true }).click();
  const run = app.getByTestId('flow-run');
  await expect(run).toHaveAttribute('data-status', /^(succeeded|failed|cancelled)$/, { timeout: 60_000 });
  const failure = (await run.getAttribute('data-status')) === 'succeeded' ? '' : await run.innerText();
  expect(failure, `flow ${name}`).toBe('');
}

async function send(app: Page, collection: string, request: string) {
  const row = app.locator(`[data-testid="tree-row"][data-name="${request}"]`);
  // "Download report" is a request name in PayNet only; names are unique across the samples.
  await expect(row, `${collection}/${request} in the tree`).toHaveCount(1);
  await row.locator('.wb-row-name').click();
  await app.getByTestId('environment-bar').getByRole('radio', { name: ENV }).click();
  await app.getByRole('button', { name: 'Send', exact: true }).click();
  const status = app.getByTestId('response-status').or(app.getByTestId('response-error'));
  await expect(status).toBeVisible({ timeout: 30_000 });
  const shown = await status.innerText();
  expect(shown, `${collection}/${request}`).toMatch(/^2\d\d/);
}

test('every sample request and flow, over HTTPS with its own CA, under path prefixes, through a proxy, from a day-one vault', async ({
  page,
  dataDir,
  restartHost,
  secretValues,
}) => {
  test.setTimeout(300_000);
  const { paynet, momo, centagate, elecsnet } = SANDBOX_CREDENTIALS;
  const pemLines = readSandboxMerchantPrivateKey()
    .split('\n')
    .filter((line) => line.length > 40 && !line.startsWith('-----'));
  secretValues.push(PASSPHRASE, paynet.clientSecret, momo.subscriptionKey, momo.apiKey, centagate.secretKey, elecsnet.controlKey, ...pemLines);

  const work = await mkdtemp(join(tmpdir(), 'countersign-e2e-shape-'));
  const pki = await makeTestPki(work, 'E2E every sample');
  const sandbox = await startSandbox({
    mounts: PREFIXES,
    tls: { cert: pki.serverCert, key: pki.serverKey },
    momo: { settleDelayMs: 100 },
    paynet: { pollsUntilReady: 1 },
  });
  const proxy = await startTinyproxy(work, [sandbox.port]);
  try {
    const cli = cliOn(dataDir);
    const init = await cli(['vault', 'init']);
    expect(init.code, init.stderr).toBe(0);
    await configureShape(cli, { name: 'e2e', mounts: PREFIXES, https: true, proxy: true, dayOne: true }, sandbox.url, {
      caPem: pki.caCert,
      proxyUrl: proxy.url,
    });

    const host = await restartHost();
    await page.goto(host.url);
    await unlock(page);

    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Flows' }).click();
    for (const flow of FLOWS) await runFlow(page, flow);

    await page.getByRole('navigation').getByRole('button', { name: 'Workbench' }).click();
    for (const [collection, request] of REQUESTS) await send(page, collection, request);

    // Every connection the sandbox accepted came through the proxy: one logged CONNECT each.
    const connects = (await proxy.log()).split('\n').filter((line) => line.includes(`CONNECT 127.0.0.1:${sandbox.port}`)).length;
    expect(connects).toBeGreaterThan(0);
    expect(sandbox.connections()).toBe(connects);
  } finally {
    await proxy.stop();
    await sandbox.close();
    await rm(work, { recursive: true, force: true });
  }
});
