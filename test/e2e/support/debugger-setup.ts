import { generateKeyPairSync } from 'node:crypto';
import { expect, type Page } from '@playwright/test';
import { createVault, SEEDED_SECRETS } from './vault-setup.ts';

export const DEBUGGER_PASSPHRASE = 'correct horse battery staple';
const ROW = '[data-testid="tree-row"]';

/** A new vault (seeded with the sandbox credentials, all counted as secrets), then the Workbench. */
export async function openWorkbench(app: Page, secretValues: string[]): Promise<void> {
  secretValues.push(DEBUGGER_PASSPHRASE, ...SEEDED_SECRETS);
  await createVault(app, DEBUGGER_PASSPHRASE);
  await app.getByRole('navigation').getByRole('button', { name: 'Workbench' }).click();
  await expect(app.locator(`${ROW}[data-kind="collection"]`)).toHaveCount(4);
}

/** Opens a saved request in its tab, as a click in the sidebar does. */
export async function openRequest(app: Page, name: string): Promise<void> {
  await app.locator(`${ROW}[data-name="${name}"]`).locator('.wb-row-name').click();
  await expect(app.getByRole('tablist', { name: 'Open requests' }).getByRole('tab', { selected: true })).toContainText(name);
}

/**
 * Replaces a secret's value from the Vault page, as a user who pasted the wrong one would, then
 * comes back to the Workbench. The value is added to `secretValues` first: it may never reach the page.
 */
export async function replaceSecret(app: Page, secretValues: string[], environment: string, name: string, value: string): Promise<void> {
  secretValues.push(value);
  await app.getByRole('navigation').getByRole('button', { name: 'Vault' }).click();
  await app.getByRole('tab', { name: environment }).click();
  await app.getByRole('button', { name: `Rotate ${name}` }).click();
  await app.getByLabel('New value', { exact: true }).fill(value);
  await app.getByRole('button', { name: 'Replace value' }).click();
  await expect(app.getByRole('dialog')).toHaveCount(0);
  await app.getByRole('navigation').getByRole('button', { name: 'Workbench' }).click();
}

/** A valid RSA private key the sandbox has never seen: signing works, verification must fail. */
export function strangerPrivateKeyPem(): string {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
}

/** Presses Send and waits until the response pane shows a result (a status, or the failure of the send). */
export async function sendAndWait(app: Page): Promise<void> {
  await app.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(app.getByRole('region', { name: 'Response' }).getByText('Sending…')).toHaveCount(0, { timeout: 20_000 });
}
