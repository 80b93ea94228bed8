import type { Page } from '@playwright/test';
import { SANDBOX_CREDENTIALS } from '../../main/sandbox/credentials.ts';
import { expect, test } from './support/fixtures.ts';
import { createVault, SEEDED_SECRETS } from './support/vault-setup.ts';

const PASSPHRASE = 'correct horse battery staple';
const ROW = '[data-testid="tree-row"]';

async function setUpVaultAndOpenWorkbench(app: Page, secretValues: string[]) {
  // Every seeded sandbox credential counts as a secret: none may reach the renderer.
  secretValues.push(PASSPHRASE, ...SEEDED_SECRETS);
  await createVault(app, PASSPHRASE);
  await app.getByRole('button', { name: 'Workbench' }).click();
  await expect(app.locator(`${ROW}[data-kind="collection"]`)).toHaveCount(4);
}

const row = (app: Page, name: string) => app.locator(`${ROW}[data-name="${name}"]`);
const selectedTab = (app: Page) => app.getByRole('tablist', { name: 'Open requests' }).getByRole('tab', { selected: true });
const checkedEnvironment = (app: Page) => app.getByTestId('environment-bar').getByRole('radio', { checked: true });

async function openAndSend(app: Page, name: string) {
  await row(app, name).locator('.wb-row-name').click();
  await expect(selectedTab(app)).toContainText(name);
  await app.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(app.getByTestId('response-status')).toBeVisible({ timeout: 15_000 });
}

test.describe('workbench history and copy as curl', () => {
  test('a send shows in History; it reopens with its environment; a deleted request says so; clearing asks first', async ({ app, secretValues }) => {
    await setUpVaultAndOpenWorkbench(app, secretValues);
    await expect(app.getByTestId('history-empty')).toBeVisible();
    await openAndSend(app, 'Get access token');

    const history = app.getByRole('region', { name: 'History' });
    const entries = history.getByTestId('history-entry');
    await expect(entries).toHaveCount(1);
    const first = entries.first();
    await expect(first).toContainText('Get access token');
    await expect(first.getByTestId('history-environment')).toHaveText('Sandbox');
    await expect(first.getByTestId('history-status')).toHaveText(/^2\d\d$/);
    await expect(first.getByTestId('history-duration')).toHaveText(/^\d+ ms$/);
    await first.getByText('What was sent').click();
    const summary = first.getByTestId('history-summary');
    await expect(summary).toContainText('POST http://127.0.0.1:');
    await expect(summary).toContainText('client_secret=[redacted]');
    await expect(summary).not.toContainText(SANDBOX_CREDENTIALS.paynet.clientSecret);

    // Move away: another environment, another request. Reopening brings back the request and the environment it was sent with.
    await app.getByTestId('environment-bar').getByRole('radio', { name: 'UAT' }).click();
    await expect(checkedEnvironment(app)).toHaveText('UAT');
    await row(app, 'Request to pay').locator('.wb-row-name').click();
    await expect(selectedTab(app)).toContainText('Request to pay');
    await first.getByRole('button', { name: /^Reopen Get access token/ }).click();
    await expect(selectedTab(app)).toContainText('Get access token');
    await expect(checkedEnvironment(app)).toHaveText('Sandbox');

    // A request deleted since its send cannot be reopened, and History says why.
    await openAndSend(app, 'Request to pay');
    await expect(entries).toHaveCount(2);
    await expect(entries.first()).toContainText('Request to pay');
    await app.getByRole('button', { name: 'Actions for Request to pay', exact: true }).click();
    await app.getByRole('menuitem', { name: 'Delete' }).click();
    await expect(row(app, 'Request to pay')).toHaveCount(0);
    await entries.first().getByRole('button', { name: /^Reopen Request to pay/ }).click();
    await expect(history).toContainText('“Request to pay” was deleted');

    // Clearing asks first; cancelling keeps everything.
    await history.getByRole('button', { name: 'Clear history' }).click();
    await app.getByRole('dialog', { name: 'Clear history?' }).getByRole('button', { name: 'Cancel' }).click();
    await expect(entries).toHaveCount(2);
    await history.getByRole('button', { name: 'Clear history' }).click();
    await app.getByRole('dialog', { name: 'Clear history?' }).getByRole('button', { name: 'Clear history' }).click();
    await expect(app.getByTestId('history-empty')).toBeVisible();
    await expect(entries).toHaveCount(0);
  });

  test('Copy as curl shows named placeholders, never the secret values', async ({ app, secretValues }) => {
    await setUpVaultAndOpenWorkbench(app, secretValues);
    await row(app, 'Get access token').locator('.wb-row-name').click();
    await app.getByRole('button', { name: 'Copy as curl' }).click();
    const dialog = app.getByRole('dialog', { name: /Get access token as curl/ });
    const command = dialog.getByTestId('curl-command');
    await expect(command).toContainText("curl -X 'POST' 'http://127.0.0.1:");
    await expect(command).toContainText("-H 'Content-Type: application/x-www-form-urlencoded'");
    await expect(command).toContainText('client_secret=<secret:paynet.client_secret>');
    await expect(command).not.toContainText(SANDBOX_CREDENTIALS.paynet.clientSecret);
    await expect(dialog.getByTestId('curl-secrets-warning')).toContainText('cleared after 30 s');

    // With secrets, main copies by itself (or says plainly that it has no clipboard); the page only ever gets the redacted text.
    await dialog.getByRole('button', { name: /Include secrets/ }).click();
    await expect(dialog.getByTestId('curl-note').or(dialog.getByText(/could not be copied|no clipboard/i))).toBeVisible();
    await expect(command).not.toContainText(SANDBOX_CREDENTIALS.paynet.clientSecret);
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(dialog).toHaveCount(0);
  });
});
