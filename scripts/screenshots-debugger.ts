/**
 * Screenshots of the signature debugger for docs/signing.md ("When the gateway says 403"):
 *   npm run build && node scripts/screenshots-debugger.ts
 * Runs browser mode on a temp data directory, puts wrong credentials in the vault the way a user
 * might, sends the samples to the built-in sandbox and photographs what the debugger says.
 * Writes docs/images/debugger-*.png.
 */
import { createHmac } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from '@playwright/test';
import { launchHost } from '../test/e2e/support/host-process.ts';

const OUT = fileURLToPath(new URL('../docs/images/', import.meta.url));
const PASSPHRASE = 'screenshot passphrase';

const dataDir = await mkdtemp(join(tmpdir(), 'countersign-debugger-shots-'));
const host = await launchHost(dataDir);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
try {
  // Tall enough that each photographed part fits without the workbench's own scrolling.
  const page = await browser.newPage({ viewport: { width: 1600, height: 2600 } });
  await page.goto(host.url);
  const nav = (name: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name }).click();
  const pane = page.getByRole('region', { name: 'Signature debugger' });
  const results = page.locator('.wb-results');
  const compare = pane.locator('details.wb-compare');

  await nav('Vault');
  await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await page.getByLabel('Repeat it').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Create vault' }).click();
  await page.getByTestId('secret-row').first().waitFor();
  await replaceSecret(page, 'paynet.client_secret', 'a-mistyped-osp-secret-1');
  await replaceSecret(page, 'elecsnet.control_key', 'FFFFFFFF-0000-4000-8000-0000000000AA');

  // 1. A refused token step: the exchange, its answer and the cause, instead of a bare error.
  await nav('Workbench');
  await open(page, 'Request a report');
  await send(page);
  await page.getByTestId('failure-note').first().waitFor();
  await shot(results, 'debugger-token-refused');

  // 2. Elecsnet 403 with the wrong control key: paste the base string the gateway quotes, get the cause.
  await open(page, 'Sale (HMAC-SHA1)');
  await send(page);
  const response = page.getByRole('region', { name: 'Response' });
  await response.getByRole('radio', { name: 'Raw' }).click();
  const body = (await response.getByTestId('response-body').textContent()) ?? '';
  const baseString = /^sandbox-signature-base-string=(.+)$/m.exec(body)?.[1] ?? '';
  await openCompare(page);
  await pane.getByLabel('What you pasted').selectOption('baseString');
  await pane.getByLabel('Expected base string', { exact: true }).fill(baseString);
  await pane.getByRole('button', { name: 'Compare', exact: true }).click();
  await pane.getByTestId('diagnosis').waitFor({ timeout: 20_000 });
  await shot(compare, 'debugger-key-differs');

  // 3. Try the variants: a gateway that keys HMAC-SHA1 with the bare control key (no "&").
  const signed = (await pane.getByTestId('signature-trace').locator('li').filter({ hasText: 'Signature base string' }).first().locator('pre').textContent()) ?? '';
  const expected = createHmac('sha1', 'FFFFFFFF-0000-4000-8000-0000000000AA').update(signed).digest('base64');
  await pane.getByLabel('What you pasted').selectOption('signature');
  await pane.getByLabel('Expected signature', { exact: true }).fill(expected);
  await pane.getByRole('button', { name: 'Try the variants', exact: true }).click();
  await pane.getByTestId('variants').waitFor({ timeout: 20_000 });
  await shot(compare, 'debugger-variants');
} finally {
  await browser.close();
  await host.stop();
  await rm(dataDir, { recursive: true, force: true });
}

async function replaceSecret(page: Page, name: string, value: string): Promise<void> {
  await page.getByRole('tab', { name: 'Sandbox' }).click();
  await page.getByRole('button', { name: `Rotate ${name}` }).click();
  await page.getByLabel('New value', { exact: true }).fill(value);
  await page.getByRole('button', { name: 'Replace value' }).click();
  await page.getByRole('dialog').waitFor({ state: 'detached' });
}

async function open(page: Page, name: string): Promise<void> {
  await page.locator(`[data-testid="tree-row"][data-name="${name}"] .wb-row-name`).click();
}

async function send(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await page.getByTestId('response-status').or(page.getByTestId('failure-note').first()).first().waitFor({ timeout: 15_000 });
}

async function openCompare(page: Page): Promise<void> {
  const details = page.getByRole('region', { name: 'Signature debugger' }).locator('details.wb-compare');
  if ((await details.getAttribute('open')) === null) await details.locator('summary').click();
}

async function shot(target: ReturnType<Page['locator']>, name: string): Promise<void> {
  const path = join(OUT, `${name}.png`);
  await target.screenshot({ path });
  process.stdout.write(`wrote ${path}\n`);
}
