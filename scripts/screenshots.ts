/**
 * Screenshots of the main screens, light and dark, for the README:
 *   npm run build && node scripts/screenshots.ts
 * Runs browser mode on a temp data directory, creates a vault, sends a sample
 * to the built-in sandbox, runs a flow and photographs Workbench, Flows, Vault and Keys with
 * Debian's chromium, at 1440 and 1024 px wide. Writes docs/screenshots/<screen>-<theme>.png
 * (1440) and docs/screenshots/<screen>-<theme>-1024.png.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from '@playwright/test';
import { launchHost } from '../test/e2e/support/host-process.ts';

const OUT = fileURLToPath(new URL('../docs/screenshots/', import.meta.url));
const PASSPHRASE = 'screenshot passphrase';

const dataDir = await mkdtemp(join(tmpdir(), 'countersign-shots-'));
const host = await launchHost(dataDir);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(host.url);
  const nav = (name: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name }).click();

  await nav('Vault');
  await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await page.getByLabel('Repeat it').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Create vault' }).click();
  await page.getByTestId('secret-row').first().waitFor();

  await nav('Keys');
  const generate = page.getByRole('form', { name: /Generate a key pair/ });
  await generate.getByLabel('Name (what the key is for)').fill('elecsnet');
  await generate.getByLabel('2048').check();
  await generate.getByRole('button', { name: 'Generate key pair' }).click();
  await page.getByRole('table', { name: /Keys in/ }).waitFor();

  await nav('Workbench');
  await page.locator('[data-testid="tree-row"][data-name="Sale (HMAC-SHA1)"] .wb-row-name').click();
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await page.getByTestId('response-status').waitFor({ timeout: 15_000 });

  await nav('Flows');
  await page.getByRole('navigation', { name: 'Flow list' }).getByRole('button', { name: /^Request to pay and wait for the callback ·/ }).click();
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await page.locator('[data-testid="flow-run"][data-status="succeeded"]').waitFor({ timeout: 30_000 });

  for (const size of [
    { width: 1440, height: 900, suffix: '' },
    { width: 1024, height: 700, suffix: '-1024' },
  ]) {
    await page.setViewportSize({ width: size.width, height: size.height });
    for (const theme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: theme });
      for (const screen of ['Workbench', 'Flows', 'Vault', 'Keys'] as const) {
        await nav(screen);
        await page.waitForTimeout(300);
        await shot(page, `${screen.toLowerCase()}-${theme}${size.suffix}`);
      }
    }
  }
} finally {
  await browser.close();
  await host.stop();
  await rm(dataDir, { recursive: true, force: true });
}

async function shot(page: Page, name: string): Promise<void> {
  const path = join(OUT, `${name}.png`);
  await page.screenshot({ path });
  process.stdout.write(`wrote ${path}\n`);
}
