import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures.ts';
import { createVault } from './support/vault-setup.ts';

const PASSPHRASE = 'assertions e2e passphrase';
const ROW = '[data-testid="tree-row"]';

async function openReportStatus(app: Page) {
  await app.getByRole('button', { name: 'Workbench' }).click();
  await app.locator(`${ROW}[data-name="Report status"]`).locator('.wb-row-name').click();
  await expect(app.getByRole('tablist', { name: 'Open requests' }).getByRole('tab', { selected: true, name: /Report status/ })).toBeVisible();
}

test.describe('assertions in the workbench', () => {
  test('added in the request editor, checked after each send, failing and passing as they should, kept on reload', async ({ app, secretValues }) => {
    secretValues.push(PASSPHRASE);
    await createVault(app, PASSPHRASE);
    await openReportStatus(app);

    await app.getByRole('tab', { name: 'Assertions (0)' }).click();
    await expect(app.getByText('No assertions yet.')).toBeVisible();
    // A status check (200 by default) and a JSONPath value check.
    await app.getByRole('button', { name: '+ Add assertion' }).click();
    await app.getByLabel('New assertion kind').selectOption('jsonpath');
    await app.getByRole('button', { name: '+ Add assertion' }).click();
    await app.getByLabel('Assertion 2 check').selectOption('equals');
    await app.getByLabel('Assertion 2 value').fill('READY');
    await expect(app.getByRole('tab', { name: 'Assertions (2)' })).toBeVisible();

    await app.getByRole('button', { name: 'Send', exact: true }).click();
    await expect(app.getByTestId('response-status')).toHaveText(/^200/, { timeout: 15_000 });
    await expect(app.getByTestId('assertion-summary')).toHaveText('2 assertions passed');

    // The sandbox's ready-made report is READY, so expecting PENDING fails, and says why.
    await app.getByLabel('Assertion 2 value').fill('PENDING');
    await app.getByRole('button', { name: 'Send', exact: true }).click();
    await expect(app.getByTestId('assertion-summary')).toHaveText('1 of 2 assertions failed', { timeout: 15_000 });
    const failed = app.locator('[data-testid="assertion-result"][data-passed="false"]');
    await expect(failed).toHaveCount(1);
    await expect(failed).toContainText('$.status equals PENDING');
    await expect(failed).toContainText('$.status is READY, expected PENDING.');

    // A status that is not what the request gets fails too; turning a check off leaves it out.
    await app.getByLabel('Assertion 1 status').fill('201');
    await app.getByLabel('Check Assertion 2').uncheck();
    await app.getByRole('button', { name: 'Send', exact: true }).click();
    await expect(app.getByTestId('assertion-summary')).toHaveText('1 of 1 assertions failed', { timeout: 15_000 });
    await expect(failed).toContainText('Expected status 201, got 200.');

    // A bad entry is named before it is saved.
    await app.getByLabel('Assertion 1 status').fill('20');
    await expect(app.getByRole('group', { name: 'Assertion 1' }).getByRole('alert')).toHaveText('A status is three digits (200) or a class (2xx).');
    await app.getByLabel('Assertion 1 status').fill('2xx');
    await app.getByRole('button', { name: 'Send', exact: true }).click();
    await expect(app.getByTestId('assertion-summary')).toHaveText('1 assertion passed', { timeout: 15_000 });

    // Sending saved them in main: a reload shows both, the second still off.
    await app.reload();
    await openReportStatus(app);
    await app.getByRole('tab', { name: 'Assertions (2)' }).click();
    await expect(app.getByLabel('Assertion 1 status')).toHaveValue('2xx');
    await expect(app.getByLabel('Assertion 2 value')).toHaveValue('PENDING');
    await expect(app.getByLabel('Check Assertion 2')).not.toBeChecked();
  });
});
