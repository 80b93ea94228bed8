import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { expect, test } from './support/fixtures.ts';
import { createVault } from './support/vault-setup.ts';

const PASSPHRASE = 'openapi e2e passphrase';
const SPEC = fileURLToPath(new URL('../fixtures/openapi/paynet-osp-reports.yaml', import.meta.url));
const ROW = '[data-testid="tree-row"]';

test.describe('OpenAPI import in the app', () => {
  test('the Import dialog takes an OpenAPI document as it is: folders by tag, requests, what was left out; a second import asks', async ({ app, secretValues }) => {
    secretValues.push(PASSPHRASE);
    await createVault(app, PASSPHRASE);
    await app.getByRole('button', { name: 'Workbench' }).click();

    await app.getByRole('button', { name: 'Import' }).click();
    const dialog = app.getByRole('dialog');
    // YAML, pasted under the dialog's default choice: main recognises OpenAPI by itself.
    const spec = await readFile(SPEC, 'utf8');
    await dialog.getByLabel('Import text').fill(spec);
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    const report = dialog.getByTestId('import-report');
    await expect(report).toContainText('Imported 4 requests.', { timeout: 15_000 });
    await expect(report).toContainText('X-Timestamp and X-Signature header parameters are made by the PayNet signature step');
    await expect(report).toContainText('paynet_osp_reports.ospclientcredentials_client_secret');

    // The same document again: the dialog's name-taken choices apply to OpenAPI too.
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(dialog.getByTestId('import-name-taken')).toContainText('PayNet OSP Reports');
    await dialog.getByRole('button', { name: 'Keep both' }).click();
    await expect(report).toContainText('Imported 4 requests.');
    await dialog.getByRole('button', { name: 'Close' }).click();

    await expect(app.locator(`${ROW}[data-kind="collection"][data-name="PayNet OSP Reports"]`)).toHaveCount(1);
    await expect(app.locator(`${ROW}[data-kind="collection"][data-name="PayNet OSP Reports (2)"]`)).toHaveCount(1);
    await app.getByLabel('Filter requests').fill('settlements');
    await app.locator(`${ROW}[data-name="List settlements"]`).first().locator('.wb-row-name').click();
    // The URL field shows the query its params add.
    await expect(app.getByLabel('URL')).toHaveValue('{{baseUrl}}/api/v1/settlements?date=2026-01-01&page=1');
    await app.getByRole('tab', { name: /^Params/ }).click();
    await expect(app.getByLabel('Param 1 name')).toHaveValue('date');
  });
});
