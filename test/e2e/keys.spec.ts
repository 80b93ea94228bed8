import { execFile } from 'node:child_process';
import { createHash, createPublicKey, generateKeyPairSync } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures.ts';
import { createVault } from './support/vault-setup.ts';

const run = promisify(execFile);

const VAULT_PASSPHRASE = 'keys wizard vault passphrase';
const EXPORT_PASSPHRASE = 'export-passphrase-4f1c9a';

async function createVaultAndOpenKeys(app: Page): Promise<void> {
  await createVault(app, VAULT_PASSPHRASE);
  await app.getByRole('navigation').getByRole('button', { name: 'Keys' }).click();
  await expect(app.getByTestId('keys-vault-state')).toHaveText('Vault unlocked');
}

/** Colon hex of SHA-256 over the SPKI DER, computed here independently of the app. */
function fingerprintOf(publicPem: string): string {
  const der = createPublicKey(publicPem).export({ type: 'spki', format: 'der' });
  const hex = createHash('sha256').update(der).digest('hex').toUpperCase();
  return hex.match(/../g)!.join(':');
}

test.describe('RSA key wizard in browser mode', () => {
  test('generate, hand over the public key, export an encrypted private key openssl opens, and sign against the sandbox', async ({
    app,
    secretValues,
  }) => {
    secretValues.push(VAULT_PASSPHRASE, EXPORT_PASSPHRASE);
    const exportDir = await mkdtemp(join(tmpdir(), 'countersign-keys-e2e-'));
    try {
      await createVaultAndOpenKeys(app);
      await expect(app.getByRole('tab', { name: 'Sandbox' })).toHaveAttribute('aria-selected', 'true');
      // The sample's key, stored as a plain vault secret, is listed like any generated one.
      await expect(app.getByTestId('key-row')).toHaveCount(1);
      await expect(app.getByTestId('key-row')).toContainText('elecsnet.merchant_private_key');

      const generate = app.getByRole('form', { name: /Generate a key pair/ });
      await generate.getByLabel('Name (what the key is for)').fill('e2e-signing');
      await generate.getByLabel(/^2048 bits/).check();
      await generate.getByRole('button', { name: 'Generate key pair' }).click();
      await expect(app.getByTestId('keygen-outcome')).toContainText('Created e2e-signing in Sandbox');

      const details = app.getByTestId('key-details');
      const shownHex = (await details.getByTestId('fingerprint-hex').textContent()) ?? '';
      expect(shownHex).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
      await expect(details.getByTestId('key-facts')).toContainText('2048 bits, exponent 65537');
      await expect(app.getByTestId('key-row')).toHaveCount(2);
      await expect(app.getByTestId('key-row').filter({ hasText: 'e2e-signing' })).toContainText(shownHex.slice(0, 17));
      // The same name again is refused before any generation starts.
      await generate.getByLabel('Name (what the key is for)').fill('e2e-signing');
      await expect(generate.getByText('A key named e2e-signing already exists here')).toBeVisible();
      await expect(generate.getByRole('button', { name: 'Generate key pair' })).toBeDisabled();
      await generate.getByLabel('Name (what the key is for)').fill('');

      // The public key shown is the one the fingerprint describes, and Save hands over the same text.
      const publicPem = details.getByLabel('Public key (SPKI PEM)');
      await expect(publicPem).toHaveValue(/^-----BEGIN PUBLIC KEY-----/);
      const pem = await publicPem.inputValue();
      expect(fingerprintOf(pem)).toBe(shownHex);
      await app.context().grantPermissions(['clipboard-read', 'clipboard-write']);
      await details.getByRole('button', { name: 'Copy public key' }).click();
      await expect(details.getByText('Public key copied to the clipboard.')).toBeVisible();
      expect(await app.evaluate(() => navigator.clipboard.readText())).toBe(pem);
      const downloading = app.waitForEvent('download');
      await details.getByRole('button', { name: 'Save public key' }).click();
      const download = await downloading;
      expect(download.suggestedFilename()).toMatch(/\.pem$/);
      expect(await readFile(await download.path(), 'utf8')).toBe(pem);

      // Encrypted PKCS#8, written by main into the folder named in the form.
      await details.getByLabel('Export passphrase').fill(EXPORT_PASSPHRASE);
      await details.getByLabel('Repeat it').fill(EXPORT_PASSPHRASE);
      await details.getByLabel('Save in folder').fill(exportDir);
      await details.getByRole('button', { name: 'Export private key' }).click();
      const savedPath = (await details.getByTestId('private-export-path').textContent()) ?? '';
      expect(savedPath.startsWith(exportDir)).toBe(true);
      expect(await readFile(savedPath, 'utf8')).toMatch(/^-----BEGIN ENCRYPTED PRIVATE KEY-----/);
      await run('openssl', ['pkey', '-in', savedPath, '-passin', `pass:${EXPORT_PASSPHRASE}`, '-noout']);
      const derived = await run('openssl', ['pkey', '-in', savedPath, '-passin', `pass:${EXPORT_PASSPHRASE}`, '-pubout']);
      expect(derived.stdout.trim()).toBe(pem.trim());
      await expect(run('openssl', ['pkey', '-in', savedPath, '-passin', 'pass:not-the-passphrase', '-noout'])).rejects.toThrow();
      await expect(details.getByLabel('Export passphrase')).toHaveValue('');

      // PKCS#1 is offered only behind an explicit acknowledgement, and comes back with a warning.
      await details.getByLabel(/^PKCS#1/).check();
      const exportButton = details.getByRole('button', { name: 'Export private key' });
      await expect(exportButton).toBeDisabled();
      await details.getByLabel('I understand the file is not encrypted').check();
      await exportButton.click();
      const result = details.getByTestId('private-export-result');
      await expect(result).toContainText('Saved private key to');
      await expect(result.locator('.warn')).not.toBeEmpty();
      const pkcs1Path = (await details.getByTestId('private-export-path').textContent()) ?? '';
      expect(pkcs1Path).not.toBe(savedPath);
      expect(await readFile(pkcs1Path, 'utf8')).toMatch(/^-----BEGIN RSA PRIVATE KEY-----/);
      await run('openssl', ['rsa', '-check', '-noout', '-in', pkcs1Path]);

      await app.getByRole('button', { name: 'Test e2e-signing with the sandbox' }).click();
      await expect(app.getByTestId('test-sign-result')).toContainText('Accepted', { timeout: 20_000 });
    } finally {
      await rm(exportDir, { recursive: true, force: true });
    }
  });

  test('a 4096-bit generation can be cancelled and stores nothing', async ({ app, secretValues }) => {
    secretValues.push(VAULT_PASSPHRASE);
    await createVaultAndOpenKeys(app);
    const generate = app.getByRole('form', { name: /Generate a key pair/ });
    await expect(generate.getByLabel(/^4096 bits/)).toBeChecked();

    // A 4096-bit key takes from about 0.1 s to several seconds; a fast one can
    // finish before Cancel lands, so a few attempts under new names are allowed.
    let cancelledName: string | null = null;
    for (let attempt = 1; attempt <= 4 && cancelledName === null; attempt += 1) {
      const name = `cancel-me-${attempt}`;
      await generate.getByLabel('Name (what the key is for)').fill(name);
      await generate.getByRole('button', { name: 'Generate key pair' }).click();
      const cancel = generate.getByRole('button', { name: 'Cancel generation' });
      await cancel.click({ timeout: 2_000 }).catch(() => undefined);
      const outcome = generate.getByTestId('keygen-outcome');
      await expect(outcome).toHaveText(/Generation cancelled|Created/);
      if ((await outcome.textContent())?.includes('Generation cancelled')) cancelledName = name;
    }
    expect(cancelledName).not.toBeNull();
    await expect(generate.getByTestId('keygen-outcome')).toContainText(`No key was stored for ${cancelledName}`);
    await expect(generate.getByRole('button', { name: 'Generate key pair' })).toBeEnabled();
    await expect(app.getByRole('table', { name: 'Keys in Sandbox' }).or(app.getByTestId('keys-empty'))).toBeVisible();
    await expect(app.getByTestId('key-row').filter({ hasText: cancelledName! })).toHaveCount(0);
  });

  test('import refuses garbage and a public key with a clear message where it happened, and takes a DER file', async ({ app, secretValues }) => {
    const garbage = '-----BEGIN PRIVATE KEY-----\nbm90IGEga2V5IGF0IGFsbA==\n-----END PRIVATE KEY-----\n';
    secretValues.push(VAULT_PASSPHRASE, garbage);
    await createVaultAndOpenKeys(app);
    const importForm = app.getByRole('form', { name: /Import an existing private key/ });
    await importForm.getByLabel('Name', { exact: true }).fill('imported');
    await importForm.getByLabel('Private key (PEM)').fill(garbage);
    await importForm.getByRole('button', { name: 'Import key' }).click();
    const alert = importForm.getByRole('alert');
    await expect(alert).toContainText('could not be decoded');
    await expect(alert).toContainText('RSA private key of at least 2048 bits');

    const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    await importForm.getByLabel('Private key (PEM)').fill(publicKey.export({ type: 'spki', format: 'pem' }).toString());
    await importForm.getByRole('button', { name: 'Import key' }).click();
    await expect(alert).toContainText('This is a public key');
    await expect(app.getByTestId('key-row')).toHaveCount(1); // the sample's key only: nothing was imported

    // The same key pair's private half as a binary DER file is accepted, and the fingerprint shown is the public key's.
    const dir = await mkdtemp(join(tmpdir(), 'countersign-keys-e2e-'));
    try {
      const derFile = join(dir, 'imported.der');
      await writeFile(derFile, privateKey.export({ type: 'pkcs8', format: 'der' }));
      await importForm.getByLabel(/Choose a file/).check();
      await importForm.getByLabel('Private key file').setInputFiles(derFile);
      await expect(importForm.getByText('read as binary DER')).toBeVisible();
      await importForm.getByRole('button', { name: 'Import key' }).click();
      await expect(importForm.getByTestId('import-outcome')).toContainText('Imported imported (2048 bits) into Sandbox');
      await expect(app.getByTestId('key-details').getByTestId('fingerprint-hex')).toHaveText(
        fingerprintOf(publicKey.export({ type: 'spki', format: 'pem' }).toString()),
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('import an encrypted key file into a custom environment, then rotate it (confirm) and delete it after confirming', async ({ app, secretValues }) => {
    const keyPassphrase = 'file-passphrase-7d2e';
    secretValues.push(VAULT_PASSPHRASE, keyPassphrase);
    const dir = await mkdtemp(join(tmpdir(), 'countersign-keys-e2e-'));
    try {
      const keyFile = join(dir, 'merchant.pem');
      await run('openssl', ['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048', '-aes-256-cbc', '-pass', `pass:${keyPassphrase}`, '-out', keyFile]);
      const publicDer = await run('openssl', ['pkey', '-in', keyFile, '-passin', `pass:${keyPassphrase}`, '-pubout', '-outform', 'DER'], {
        encoding: 'buffer',
      });
      const expectedHex = createHash('sha256').update(publicDer.stdout).digest('hex').toUpperCase().match(/../g)!.join(':');

      await createVaultAndOpenKeys(app);
      await app.getByLabel('Another environment').fill('Partner-QA');
      await app.getByLabel('Another environment').press('Enter');
      await expect(app.getByRole('tab', { name: 'Partner-QA' })).toHaveAttribute('aria-selected', 'true');
      const importForm = app.getByRole('form', { name: /Import an existing private key into Partner-QA/ });
      await importForm.getByLabel('Name', { exact: true }).fill('merchant');
      await importForm.getByLabel(/Choose a file/).check();
      await importForm.getByLabel('Private key file').setInputFiles(keyFile);
      await importForm.getByLabel(/^Passphrase/).fill('wrong-passphrase');
      await importForm.getByRole('button', { name: 'Import key' }).click();
      await expect(importForm.getByRole('alert')).toContainText(/passphrase/i);
      await importForm.getByLabel(/^Passphrase/).fill(keyPassphrase);
      await importForm.getByRole('button', { name: 'Import key' }).click();
      await expect(importForm.getByTestId('import-outcome')).toContainText('Imported merchant (2048 bits) into Partner-QA');
      await expect(importForm.getByLabel(/^Passphrase/)).toHaveValue('');
      await expect(app.getByTestId('key-details').getByTestId('fingerprint-hex')).toHaveText(expectedHex);

      // A custom environment that holds a key keeps its tab after a reload.
      await app.reload();
      await app.getByRole('navigation').getByRole('button', { name: 'Keys' }).click();
      await app.getByRole('tab', { name: 'Partner-QA' }).click();
      await app.getByRole('button', { name: 'Show merchant' }).click();
      await expect(app.getByTestId('key-details').getByTestId('fingerprint-hex')).toHaveText(expectedHex);

      await app.getByRole('button', { name: 'Rotate merchant' }).click();
      const rotate = app.getByRole('dialog', { name: 'Rotate merchant' });
      await rotate.getByLabel(/^2048 bits/).check();
      await rotate.getByRole('button', { name: 'Generate new key' }).click();
      const pending = app.getByTestId('pending-rotation');
      await expect(pending).toContainText('New key waiting');
      const nextHex = (await pending.locator('code.fingerprint').textContent()) ?? '';
      expect(nextHex).not.toBe(expectedHex);
      // Until confirmed, the current key is unchanged.
      await expect(app.getByTestId('key-details').getByTestId('fingerprint-hex')).toHaveText(expectedHex);
      await app.getByRole('button', { name: 'Use the new key for merchant' }).click();
      await app.getByRole('dialog').getByRole('button', { name: 'Use the new key' }).click();
      await expect(pending).toHaveCount(0);
      await expect(app.getByTestId('key-details').getByTestId('fingerprint-hex')).toHaveText(nextHex);

      await app.getByRole('button', { name: 'Delete merchant' }).click();
      await app.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
      await expect(app.getByTestId('key-row')).toHaveCount(1);
      await app.getByRole('button', { name: 'Delete merchant' }).click();
      await app.getByRole('dialog').getByRole('button', { name: 'Delete merchant' }).click();
      await expect(app.getByTestId('keys-empty')).toBeVisible();
      await expect(app.getByTestId('key-details')).toHaveCount(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('without a vault, or with it locked, the wizard says so and points to the Vault page instead of failing', async ({ app, secretValues }) => {
    secretValues.push(VAULT_PASSPHRASE);
    await app.getByRole('navigation').getByRole('button', { name: 'Keys' }).click();
    await expect(app.getByTestId('keys-vault-notice')).toContainText('There is no vault yet');
    await expect(app.getByTestId('keys-empty')).toBeVisible();
    await expect(app.getByRole('alert')).toHaveCount(0);

    await createVaultAndOpenKeys(app);
    await app.getByRole('navigation').getByRole('button', { name: 'Vault' }).click();
    await app.getByRole('button', { name: 'Lock now' }).click();
    await expect(app.getByTestId('vault-state')).toHaveText('Locked');
    await app.getByRole('navigation').getByRole('button', { name: 'Keys' }).click();
    await expect(app.getByTestId('keys-vault-notice')).toContainText('Unlock it on the Vault page');
    const generate = app.getByRole('form', { name: /Generate a key pair/ });
    await generate.getByLabel('Name (what the key is for)').fill('while-locked');
    await expect(generate.getByRole('button', { name: 'Generate key pair' })).toBeDisabled();
    // The list still reads from the keys' public facts; only the actions wait for the vault.
    await expect(app.getByTestId('key-row').filter({ hasText: 'elecsnet.merchant_private_key' })).toBeVisible();
    await expect(app.getByRole('alert')).toHaveCount(0);
    await app.getByRole('button', { name: 'Open the Vault' }).click();
    await expect(app.getByRole('heading', { name: 'The vault is locked' })).toBeVisible();
  });
});
