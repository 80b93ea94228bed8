import { mkdtemp, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from './support/fixtures.ts';
import { createVault, SEEDED_SECRETS } from './support/vault-setup.ts';

const PASSPHRASE = 'correct horse battery staple';
const ROW = '[data-testid="tree-row"]';

test.describe('body files only from allowed folders (browser mode)', () => {
  let folder = '';
  test.beforeEach(async () => {
    folder = await realpath(await mkdtemp(join(tmpdir(), 'countersign-e2e-allow-')));
  });
  test.afterEach(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  test('a file outside the allowed folders is refused with nothing sent, until "Allow this folder…" is confirmed', async ({ app, secretValues }) => {
    const file = join(folder, 'payload.bin');
    await writeFile(file, 'BINARY-PAYLOAD');
    secretValues.push(PASSPHRASE, ...SEEDED_SECRETS);
    await createVault(app, PASSPHRASE);
    await app.getByRole('button', { name: 'Workbench' }).click();
    await app.locator(`${ROW}[data-name="Request a report"] .wb-row-name`).click();
    await app.getByRole('region', { name: 'Request' }).getByRole('tab', { name: /^Body/ }).click();
    await app.getByRole('radio', { name: 'binary file' }).click();
    await app.getByLabel('Body file', { exact: true }).fill(file);
    await expect(app.getByRole('alert').filter({ hasText: `${file} is not in a folder you allowed for request bodies` })).toBeVisible();
    await app.keyboard.press('Control+s');

    await app.getByRole('button', { name: 'Send', exact: true }).click();
    await expect(app.getByText(/is not in a folder you allowed for request bodies\. Nothing was sent\. Allow /).first()).toBeVisible({ timeout: 15_000 });
    await expect(app.getByTestId('response-status')).toHaveCount(0);

    await app.getByRole('button', { name: 'Allow this folder…' }).click();
    await app.getByRole('button', { name: `Allow ${folder}` }).click();
    await expect(app.getByRole('status', { name: 'Body file check' })).toHaveText('payload.bin, 14 B: read when the request is sent.');
    await app.getByRole('button', { name: 'Send', exact: true }).click();
    await expect(app.getByTestId('response-status')).toBeVisible({ timeout: 15_000 });
  });
});
