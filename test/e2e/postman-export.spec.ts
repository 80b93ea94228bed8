import { readFile } from 'node:fs/promises';
import { SANDBOX_CREDENTIALS } from '../../main/sandbox/credentials.ts';
import { expect, test } from './support/fixtures.ts';
import { createVault } from './support/vault-setup.ts';

const PASSPHRASE = 'correct horse battery staple';

test.describe('Export as Postman v2.1 in browser mode', () => {
  test('downloads the collection and its environment, secrets as empty variables, and lists what Postman cannot carry', async ({ app, secretValues }) => {
    // The new vault holds the sandbox's credentials: none may reach the page or the files.
    const momo = SANDBOX_CREDENTIALS.momo;
    secretValues.push(PASSPHRASE, momo.apiKey, momo.subscriptionKey);
    await createVault(app, PASSPHRASE);
    await app.getByRole('button', { name: 'Workbench' }).click();

    await app.getByRole('button', { name: 'Actions for MTN MoMo' }).click();
    await app.getByRole('menuitem', { name: 'Export as Postman v2.1…' }).click();
    const dialog = app.getByRole('dialog', { name: 'Export "MTN MoMo" as Postman v2.1' });
    await dialog.getByLabel('Environment file').selectOption('Sandbox');
    const files: { name: string; text: string }[] = [];
    app.on('download', (download) => {
      void download.path().then(async (path) => files.push({ name: download.suggestedFilename(), text: await readFile(path, 'utf8') }));
    });
    await dialog.getByRole('button', { name: 'Export' }).click();
    await expect(dialog.getByRole('status')).toContainText('Exported mtn_momo.postman_collection.json and mtn_momo.sandbox.postman_environment.json');
    await expect(dialog.getByTestId('postman-export-notes')).toContainText('Postman cannot compute this without a script');
    await expect.poll(() => files.map((file) => file.name).sort()).toEqual(['mtn_momo.postman_collection.json', 'mtn_momo.sandbox.postman_environment.json']);

    const collection = files.find((file) => file.name.endsWith('collection.json'))?.text ?? '';
    const environment = files.find((file) => file.name.endsWith('environment.json'))?.text ?? '';
    expect(JSON.parse(collection)).toMatchObject({ info: { name: 'MTN MoMo', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' } });
    expect(collection).toContain('{{momo.api_key}}');
    expect(JSON.parse(environment)).toMatchObject({ name: 'Sandbox', values: expect.arrayContaining([{ key: 'momo.api_key', value: '', type: 'secret', enabled: true }]) as unknown });
    for (const value of [momo.apiKey, momo.subscriptionKey]) expect(`${collection}${environment}`).not.toContain(value);
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(dialog).toBeHidden();
  });
});
