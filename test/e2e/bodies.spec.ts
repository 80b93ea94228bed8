import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures.ts';
import { createVault, SEEDED_SECRETS } from './support/vault-setup.ts';

const PASSPHRASE = 'correct horse battery staple';
const ROW = '[data-testid="tree-row"]';
const FILE_CONTENT = 'id,amount\n1,100.00\nNEVER-SHOWN-IN-HISTORY\n';

async function openWorkbench(app: Page, secretValues: string[]) {
  secretValues.push(PASSPHRASE, ...SEEDED_SECRETS);
  await createVault(app, PASSPHRASE);
  await app.getByRole('button', { name: 'Workbench' }).click();
  await expect(app.locator(`${ROW}[data-kind="collection"]`)).toHaveCount(4);
}

test.describe('request bodies: multipart with files', () => {
  let folder = '';
  test.beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'countersign-e2e-bodies-'));
  });
  test.afterEach(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  test('a typed path is checked, the request is sent with the file, and History and curl show the file by name and size only', async ({ app, secretValues }) => {
    const file = join(folder, 'statement.csv');
    await writeFile(file, FILE_CONTENT);
    await openWorkbench(app, secretValues);
    await app.locator(`${ROW}[data-name="Request a report"] .wb-row-name`).click();
    await app.getByRole('region', { name: 'Request' }).getByRole('tab', { name: /^Body/ }).click();
    await app.getByRole('radio', { name: 'multipart' }).click();

    await app.getByRole('button', { name: 'Add text part' }).click();
    await app.getByLabel('Part 1 name').fill('merchant');
    await app.getByLabel('Part 1 value').fill('M-42');
    await app.getByRole('button', { name: 'Add file part' }).click();
    await app.getByLabel('Part 2 name').fill('statement');
    // Browser mode: no dialog; a relative path is refused by main with its reason.
    await expect(app.getByRole('button', { name: 'Choose…' })).toHaveCount(0);
    await app.getByLabel('Part 2 file', { exact: true }).fill('statement.csv');
    await expect(app.getByRole('alert').filter({ hasText: 'is not absolute' })).toBeVisible();
    await app.getByLabel('Part 2 file', { exact: true }).fill(file);
    // Its folder is not allowed yet: the user allows it (body-file-access.spec.ts covers the refusal).
    await app.getByRole('button', { name: 'Allow this folder…' }).click();
    await app.getByRole('button', { name: `Allow ${folder}` }).click();
    await expect(app.getByRole('status', { name: 'Part 2 file check' })).toHaveText(`statement.csv, ${String(FILE_CONTENT.length)} B: read when the request is sent.`);
    await app.getByLabel('Part 2 content type').fill('text/csv');

    await app.keyboard.press('Control+s');
    await expect(app.getByTestId('unsaved-marker')).toHaveCount(0);
    await app.getByRole('button', { name: 'Send', exact: true }).click();
    await expect(app.getByTestId('response-status')).toBeVisible({ timeout: 15_000 });

    const entry = app.getByRole('region', { name: 'History' }).getByTestId('history-entry').first();
    await entry.getByText('What was sent').click();
    const summary = entry.getByTestId('history-summary');
    await expect(summary).toContainText('multipart/form-data; boundary=');
    await expect(summary).toContainText('merchant: M-42');
    await expect(summary).toContainText(`statement: [file statement.csv, text/csv, ${String(FILE_CONTENT.length)} B]`);
    await expect(summary).not.toContainText('NEVER-SHOWN-IN-HISTORY');

    await app.getByRole('button', { name: 'Copy as curl' }).click();
    const dialog = app.getByRole('dialog');
    await expect(dialog).toContainText("--form-string 'merchant=M-42'");
    await expect(dialog).toContainText(`-F 'statement=@${file};type=text/csv'`);
  });

  test('a missing file is flagged while typing, and a send stops with the path named', async ({ app, secretValues }) => {
    await openWorkbench(app, secretValues);
    await app.locator(`${ROW}[data-name="Request a report"] .wb-row-name`).click();
    await app.getByRole('region', { name: 'Request' }).getByRole('tab', { name: /^Body/ }).click();
    await app.getByRole('radio', { name: 'binary file' }).click();
    const missing = join(folder, 'gone.bin');
    await app.getByLabel('Body file', { exact: true }).fill(missing);
    await expect(app.getByRole('alert').filter({ hasText: `${missing} cannot be read (no such file).` })).toBeVisible();
    await app.keyboard.press('Control+s');
    await app.getByRole('button', { name: 'Send', exact: true }).click();
    await expect(app.getByText(`${missing} cannot be read (no such file). Nothing was sent.`).first()).toBeVisible({ timeout: 15_000 });
  });
});
