import { expect, type Page } from '@playwright/test';
import { SANDBOX_CREDENTIALS } from '../../../main/sandbox/credentials.ts';

/** The sandbox credentials a new vault is seeded with: like any secret, none may reach the renderer. */
export const SEEDED_SECRETS = [
  SANDBOX_CREDENTIALS.paynet.clientSecret,
  SANDBOX_CREDENTIALS.momo.apiKey,
  SANDBOX_CREDENTIALS.centagate.secretKey,
  SANDBOX_CREDENTIALS.elecsnet.controlKey,
];

/** Creates the vault from the Vault page, as a first-time user does, and waits until it is open. */
export async function createVault(app: Page, passphrase: string): Promise<void> {
  await app.getByRole('navigation').getByRole('button', { name: 'Vault' }).click();
  await app.getByLabel('Passphrase', { exact: true }).fill(passphrase);
  await app.getByLabel('Repeat it').fill(passphrase);
  await app.getByRole('button', { name: 'Create vault' }).click();
  await expect(app.getByTestId('vault-state')).toHaveText('Unlocked');
}
