/**
 * A sample request against a deployment that is not the built-in sandbox:
 * HTTPS with its own CA, the gateway under a path prefix. Configured in the
 * UI as a user would: secrets on the Vault page, variables and the trusted
 * CA in the environment dialog. The CA is trusted only through that setting.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { SANDBOX_CREDENTIALS } from '../../main/sandbox/credentials.ts';
import { startSandbox } from '../../main/sandbox/index.ts';
import { makeTestPki } from '../support/openssl-ca.ts';
import { expect, test } from './support/fixtures.ts';
import { createVault, SEEDED_SECRETS } from './support/vault-setup.ts';

const PASSPHRASE = 'correct horse battery staple';
const REQUEST = 'authQRCode (transaction)';

async function addSecret(app: Page, name: string, kind: string, value: string) {
  await app.getByLabel('Name').fill(name);
  await app.locator('#secret-kind').selectOption(kind);
  await app.getByLabel('Value').fill(value);
  await app.getByRole('button', { name: 'Add secret' }).click();
  await expect(app.getByLabel('Value')).toHaveValue('');
}

test('a CENTAGATE sample over HTTPS under /centagate, trusted through the environment CA', async ({ app, secretValues }) => {
  const dir = await mkdtemp(join(tmpdir(), 'countersign-e2e-pki-'));
  const pki = await makeTestPki(dir, 'E2E deployment');
  const sandbox = await startSandbox({ tls: { cert: pki.serverCert, key: pki.serverKey }, mounts: { centagate: '/centagate' } });
  try {
    const c = SANDBOX_CREDENTIALS.centagate;
    secretValues.push(PASSPHRASE, ...SEEDED_SECRETS);
    await createVault(app, PASSPHRASE);

    // The Vault page: this deployment's credentials go to the UAT environment.
    await app.getByLabel('Another environment').fill('UAT');
    await app.getByLabel('Another environment').press('Enter');
    await expect(app.getByRole('heading', { name: 'Add a secret to UAT' })).toBeVisible();
    await addSecret(app, 'centagate.secret_key', 'text', c.secretKey);
    await addSecret(app, 'deployment.ca', 'certificate', pki.caCert);

    // The workbench: the sample, in UAT, pointed at the deployment.
    await app.getByRole('navigation').getByRole('button', { name: 'Workbench' }).click();
    await app.locator(`[data-testid="tree-row"][data-name="${REQUEST}"] .wb-row-name`).click();
    const bar = app.getByTestId('environment-bar');
    await bar.getByRole('radio', { name: 'UAT' }).click();
    await bar.getByRole('button', { name: 'Variables…' }).click();
    const dialog = app.getByRole('dialog');
    const values = { baseUrl: `${sandbox.url}/centagate`, integrationKey: c.integrationKey, username: c.username, devAccId: c.devAccId };
    for (let index = 1; index <= 4; index++) {
      const name = await dialog.getByLabel(`Variable ${index} name`).inputValue();
      const value = values[name as keyof typeof values];
      if (value !== undefined) await dialog.getByLabel(`Variable ${index} value`).fill(value);
    }
    await dialog.getByRole('button', { name: 'Save environment' }).click();

    // Without the CA the private certificate is refused: nothing trusts it by default.
    await app.getByRole('button', { name: 'Send', exact: true }).click();
    await expect(app.getByTestId('response-error')).toContainText('unknown authority', { timeout: 15_000 });

    await bar.getByRole('button', { name: 'Variables…' }).click();
    await app.getByRole('dialog').getByLabel('Trusted CA (PEM certificate)').selectOption('deployment.ca');
    await app.getByRole('dialog').getByRole('button', { name: 'Save environment' }).click();
    await app.getByRole('button', { name: 'Send', exact: true }).click();
    await expect(app.getByTestId('response-status')).toHaveText(/^200/, { timeout: 15_000 });
    await app.getByRole('tab', { name: 'Timing' }).click();
    await expect(app.getByTestId('network-facts')).toContainText('vault: deployment.ca');
    await expect(app.getByTestId('tls-off-warning')).toHaveCount(0);
  } finally {
    await sandbox.close();
    await rm(dir, { recursive: true, force: true });
  }
});
