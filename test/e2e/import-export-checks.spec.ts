import { readFile } from 'node:fs/promises';
import { expect, test } from './support/fixtures.ts';
import { createVault } from './support/vault-setup.ts';

const PASSPHRASE = 'correct horse battery staple';

const postman = JSON.stringify({
  info: { name: 'Scripted', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
  item: [
    {
      name: 'Signed call',
      event: [{ listen: 'prerequest', script: { exec: ['pm.variables.set("sig", CryptoJS.HmacSHA256("x", "k"))'] } }],
      request: { method: 'GET', url: 'https://api.example.com/items/{{$guid}}' },
    },
  ],
});

test.describe('import and export checks in browser mode', () => {
  test('a Postman import lists the scripts it left out; an export with a typed-in credential offers the vault', async ({ app, secretValues }) => {
    secretValues.push(PASSPHRASE);
    await createVault(app, PASSPHRASE);
    await app.getByRole('button', { name: 'Workbench' }).click();

    await app.getByRole('button', { name: 'Import' }).click();
    const dialog = app.getByRole('dialog');
    await dialog.getByLabel('Import text').fill(postman);
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(dialog.getByTestId('import-dropped-scripts')).toContainText('Signed call: pre-request');

    // A credential typed straight into a header (not one the curl import recognises as auth).
    await dialog.getByRole('radio', { name: 'curl command' }).click();
    await dialog.getByLabel('Into collection').selectOption({ label: 'CENTAGATE' });
    await dialog.getByLabel('Import text').fill("curl https://api.example.com/v1/x -H 'X-Secret-Token: Zx9KqL2mN8pR4tV6wY1a'");
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(dialog.getByTestId('import-report')).toContainText('Imported 1 request');
    await dialog.getByRole('button', { name: 'Close' }).click();

    await app.getByRole('button', { name: 'Actions for CENTAGATE' }).click();
    await app.getByRole('menuitem', { name: 'Export…' }).click();
    const check = app.getByRole('dialog', { name: 'Credentials typed into requests' });
    await expect(check.getByTestId('export-findings')).toContainText('header X-Secret-Token');
    await expect(check).not.toContainText('Zx9KqL2mN8pR4tV6wY1a');
    const download = app.waitForEvent('download');
    await check.getByRole('button', { name: 'Move to vault and export' }).click();
    const text = await readFile(await (await download).path(), 'utf8');
    expect(text).toContain('{{secret:centagate.x_secret_token}}');
    expect(text).not.toContain('Zx9KqL2mN8pR4tV6wY1a');
  });
});
