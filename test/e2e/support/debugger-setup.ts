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

export const debuggerPane = (app: Page) => app.getByRole('region', { name: 'Signature debugger' });
export const responsePane = (app: Page) => app.getByRole('region', { name: 'Response' });

/** The response body as text, from its Raw view (what a user would copy from). */
export async function rawResponseBody(app: Page): Promise<string> {
  const response = responsePane(app);
  await response.getByRole('radio', { name: 'Raw' }).click();
  return (await response.getByTestId('response-body').textContent()) ?? '';
}

type PasteKind = 'baseString' | 'signature' | 'xSignature' | 'rawRequest';
const PASTE_LABEL: Record<PasteKind, string> = {
  baseString: 'Expected base string',
  signature: 'Expected signature',
  xSignature: 'Expected X-Signature',
  rawRequest: 'Raw request',
};

/** Opens Compare in the debugger (it may already be open after a refused send). */
export async function openCompare(app: Page): Promise<void> {
  const details = debuggerPane(app).locator('details.wb-compare');
  if ((await details.getAttribute('open')) === null) await details.locator('summary').click();
}

/** Pastes what the gateway expected and asks for a diagnosis or the variants; returns the live result region once it has an answer. */
export async function diagnose(app: Page, kind: PasteKind, text: string, action: 'Compare' | 'Try the variants' = 'Compare') {
  await openCompare(app);
  const pane = debuggerPane(app);
  await pane.getByLabel('What you pasted').selectOption(kind);
  await pane.getByLabel(PASTE_LABEL[kind], { exact: true }).fill(text);
  await pane.getByRole('button', { name: action, exact: true }).click();
  const result = pane.getByTestId('diagnosis-result');
  await expect(result.getByTestId(action === 'Compare' ? 'diagnosis' : 'variants')).toBeVisible({ timeout: 20_000 });
  return result;
}

/** The value of one step of the first signature trace shown in the debugger whose label matches. */
export async function traceStep(app: Page, label: RegExp): Promise<string> {
  const step = debuggerPane(app).getByTestId('signature-trace').locator('li').filter({ has: app.locator('strong', { hasText: label }) }).first();
  return (await step.locator('pre').textContent()) ?? '';
}
