import { expect, test } from './support/fixtures.ts';
import { createVault } from './support/vault-setup.ts';

const PASSPHRASE = 'correct horse battery staple';

test.describe('vault in browser mode', () => {
  test('add a secret, reload, and see it listed masked; its value never reaches the page', async ({ app, secretValues, bridge }) => {
    const value = 'sk_live_9f8e7d6c5b4a39281706f5e4d3c2b1a0';
    secretValues.push(value, PASSPHRASE);

    await app.getByRole('button', { name: 'Vault' }).click();
    await expect(app.getByTestId('vault-state')).toHaveText('Not set up');
    await app.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
    await app.getByLabel('Repeat it').fill(PASSPHRASE);
    await app.getByRole('button', { name: 'Create vault' }).click();
    await expect(app.getByTestId('vault-state')).toHaveText('Unlocked');
    await expect(app.getByTestId('vault-protection')).toContainText('Passphrase: set');

    await app.getByRole('tab', { name: 'UAT' }).click();
    await expect(app.getByTestId('vault-empty')).toBeVisible();
    await app.getByLabel('Name').fill('client_secret');
    await app.getByLabel('Value').fill(value);
    await app.getByRole('button', { name: 'Add secret' }).click();
    await expect(app.getByTestId('secret-row')).toHaveCount(1);
    await expect(app.getByLabel('Value')).toHaveValue('');

    await app.reload();
    await app.getByRole('button', { name: 'Vault' }).click();
    await expect(app.getByTestId('vault-state')).toHaveText('Unlocked');
    await app.getByRole('tab', { name: 'UAT' }).click();
    const row = app.getByTestId('secret-row');
    await expect(row).toContainText('client_secret');
    const hint = await row.getByTestId('secret-hint').textContent();
    expect(hint).toMatch(/•/);
    expect(value).not.toContain(hint!.replace(/•/g, '') + 'x');
    expect(await app.content()).not.toContain(value);
    expect(bridge.texts().some((text) => text.includes('client_secret'))).toBe(true);
  });

  test('a new vault holds the sandbox test credentials, so samples can be sent at once', async ({ app, secretValues }) => {
    secretValues.push(PASSPHRASE);
    await createVault(app, PASSPHRASE);
    await app.getByRole('tab', { name: 'Sandbox' }).click();
    await expect(app.getByTestId('secret-row')).toHaveCount(6);
    await app.getByRole('tab', { name: 'Production' }).click();
    await expect(app.getByTestId('vault-empty')).toBeVisible();
  });

  test('lock, refuse a wrong passphrase clearly, then unlock', async ({ app, secretValues }) => {
    secretValues.push(PASSPHRASE, 'not the passphrase');
    await createVault(app, PASSPHRASE);
    await app.getByRole('button', { name: 'Lock now' }).click();
    await expect(app.getByTestId('vault-state')).toHaveText('Locked');

    await app.getByLabel('Passphrase').fill('not the passphrase');
    await app.getByRole('button', { name: 'Unlock' }).click();
    await expect(app.getByRole('alert')).toContainText(/passphrase/i);
    await expect(app.getByTestId('vault-state')).toHaveText('Locked');

    await app.getByLabel('Passphrase').fill(PASSPHRASE);
    await app.getByRole('button', { name: 'Unlock' }).click();
    await expect(app.getByTestId('vault-state')).toHaveText('Unlocked');
  });

  test('rotate a value and delete a secret only after confirming', async ({ app, secretValues }) => {
    const first = 'first-value-7c1f0e2a';
    const second = 'second-value-93be44d1';
    secretValues.push(PASSPHRASE, first, second);
    await createVault(app, PASSPHRASE);
    await app.getByRole('tab', { name: 'UAT' }).click();
    await app.getByLabel('Name').fill('api_key');
    await app.getByLabel('Value').fill(first);
    await app.getByRole('button', { name: 'Add secret' }).click();
    await expect(app.getByTestId('secret-row')).toHaveCount(1);

    await app.getByRole('button', { name: 'Rotate api_key' }).click();
    await app.getByLabel('New value', { exact: true }).fill(second);
    await app.getByRole('button', { name: 'Replace value' }).click();
    await expect(app.getByRole('dialog')).toHaveCount(0);

    await app.getByRole('button', { name: 'Delete api_key' }).click();
    await app.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
    await expect(app.getByTestId('secret-row')).toHaveCount(1);
    await app.getByRole('button', { name: 'Delete api_key' }).click();
    await app.getByRole('dialog').getByRole('button', { name: 'Delete api_key' }).click();
    await expect(app.getByTestId('secret-row')).toHaveCount(0);
  });

  test('a new secret shows where it may be sent; changing that needs the vault passphrase; a backup comes back as a path', async ({ app, secretValues, bridge }) => {
    const value = 'uat_key_4b3c2d1e0f9a8b7c6d5e';
    secretValues.push(value, PASSPHRASE);
    await createVault(app, PASSPHRASE);
    await app.getByRole('tab', { name: 'UAT' }).click();
    await app.getByLabel('Name').fill('hosted_key');
    await app.getByLabel('Value').fill(value);
    // The default is the UAT environments' base-URL hosts, filled in for the user to see and edit.
    const hosts = app.getByLabel('May be sent to (one host a line)');
    await expect(hosts).not.toHaveValue('');
    await hosts.fill('api.uat.example.com');
    await app.getByRole('button', { name: 'Add secret' }).click();
    await expect(app.getByTestId('secret-hosts')).toHaveText('api.uat.example.com');

    await app.getByRole('button', { name: 'Hosts of hosted_key' }).click();
    await app.getByRole('dialog').getByLabel(/Hosts, one a line/).fill('api.uat.example.com\nelsewhere.example.com');
    const dialog = app.getByRole('dialog');
    await dialog.getByLabel('Vault passphrase').fill('not the passphrase');
    await dialog.getByRole('button', { name: 'Save hosts' }).click();
    await expect(dialog.getByRole('alert')).toContainText(/passphrase is wrong/);
    await dialog.getByLabel('Vault passphrase').fill(PASSPHRASE);
    await dialog.getByRole('button', { name: 'Save hosts' }).click();
    await expect(app.getByRole('dialog')).toHaveCount(0);
    await expect(app.getByTestId('secret-hosts')).toHaveText('api.uat.example.com, elsewhere.example.com');

    await app.getByLabel('Vault passphrase', { exact: true }).fill(PASSPHRASE);
    await app.getByRole('button', { name: 'Export backup' }).click();
    await expect(app.getByRole('status').filter({ hasText: 'countersign-vault-backup-' })).toContainText(/Saved \d+ secrets to .*countersign-vault-backup-.*\.json/);
    // The page got a path, never the backup itself.
    expect(bridge.texts().some((text) => text.includes('countersign-vault-backup'))).toBe(true);
    expect(bridge.texts().some((text) => text.includes('"wrappedKey"') || text.includes('"ciphertext"'))).toBe(false);
  });
});
