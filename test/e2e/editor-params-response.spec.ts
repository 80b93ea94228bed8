import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures.ts';
import { createVault, SEEDED_SECRETS } from './support/vault-setup.ts';

const PASSPHRASE = 'editor spec passphrase one';
const ROW = '[data-testid="tree-row"]';

async function openWorkbench(app: Page, secretValues: string[]) {
  secretValues.push(PASSPHRASE, ...SEEDED_SECRETS);
  await createVault(app, PASSPHRASE);
  await app.getByRole('button', { name: 'Workbench' }).click();
  await expect(app.locator(`${ROW}[data-kind="collection"]`)).toHaveCount(4);
}

async function openRequest(app: Page, name: string) {
  await app.locator(`${ROW}[data-name="${name}"]`).locator('.wb-row-name').click();
  await expect(app.getByRole('tablist', { name: 'Open requests' }).getByRole('tab', { selected: true, name: new RegExp(name) })).toBeVisible();
}

const url = (app: Page) => app.getByRole('textbox', { name: 'URL', exact: true });

test.describe('request editor and response viewer', () => {
  test('URL and Params stay in step; a {{variable}} shows its value and source, a secret only its name', async ({ app, secretValues }) => {
    await openWorkbench(app, secretValues);
    await openRequest(app, 'Report status');
    await expect(url(app)).toHaveValue('{{baseUrl}}/api/v1/reports/{{reportId}}');

    await url(app).click();
    await url(app).press('End');
    await url(app).pressSequentially('?page=2&q=%20{{reportId}}&page=&x');
    await app.getByRole('tab', { name: 'Params (4)' }).click();
    await expect(app.getByLabel('Param 2 value')).toHaveValue('%20{{reportId}}');
    await expect(app.getByLabel('Param 3 name')).toHaveValue('page');
    await expect(app.getByLabel('Param 3 value')).toHaveValue('');

    // Unticked: out of the URL, kept in its place in the table.
    await app.getByRole('checkbox', { name: 'Send Param 4' }).uncheck();
    await expect(url(app)).toHaveValue('{{baseUrl}}/api/v1/reports/{{reportId}}?page=2&q=%20{{reportId}}&page=');
    await app.getByLabel('Param 1 value').fill('9');
    await expect(url(app)).toHaveValue('{{baseUrl}}/api/v1/reports/{{reportId}}?page=9&q=%20{{reportId}}&page=');
    await expect(app.getByLabel('Param 4 name')).toHaveValue('x');
    await expect(app.getByRole('checkbox', { name: 'Send Param 4' })).not.toBeChecked();

    // Hover a variable of the URL: its value and where it comes from.
    await app.getByTestId('url-preview').getByText('{{baseUrl}}').hover();
    const tip = app.getByRole('tooltip');
    await expect(tip).toContainText('environment "Sandbox" variable');
    await expect(tip).toContainText('http://127.0.0.1:');

    // A secret in a header: by name and provider, never its value (the bridge fixture checks no value crossed).
    await app.getByRole('tab', { name: /^Headers/ }).click();
    await app.getByRole('button', { name: '+ Add' }).click();
    await app.getByLabel('Header 2 name').fill('X-Probe');
    await app.getByLabel('Header 2 value').fill('{{secret:paynet.client_secret}}');
    const mark = app.getByRole('group', { name: 'Variables in Header 2' }).getByText('{{secret:paynet.client_secret}}');
    await mark.focus();
    await expect(app.getByRole('tooltip')).toContainText('secret "paynet.client_secret" from the vault (environment "Sandbox")');
    await expect(app.getByRole('tooltip')).not.toContainText(' = ');
    await app.getByLabel('Header 2 value').fill('{{secret:nobody.has.this}}');
    await app.getByRole('group', { name: 'Variables in Header 2' }).getByText('{{secret:nobody.has.this}}').hover();
    await expect(app.getByRole('tooltip')).toContainText('is missing in environment "Sandbox": add it on the Vault screen');
  });

  test('find in the response with Ctrl+F, and a JSONPath filter with a clear error for a bad path', async ({ app, secretValues }) => {
    await openWorkbench(app, secretValues);
    await openRequest(app, 'Report status');
    await app.getByRole('button', { name: 'Send', exact: true }).click();
    await expect(app.getByTestId('response-status')).toHaveText(/^200/, { timeout: 20_000 });
    await expect(app.getByTestId('response-status').locator('..')).toContainText(/\d+ B|KiB/);

    const body = app.getByRole('region', { name: 'Body preview' });
    await body.click();
    await app.keyboard.press('Control+f');
    const find = app.getByRole('searchbox', { name: 'Find in response' });
    await expect(find).toBeFocused();
    await find.fill('"');
    const count = app.getByTestId('search-count');
    await expect(count).toHaveText(/^1 of \d+$/);
    const total = Number((await count.textContent())?.split(' of ')[1]);
    expect(total).toBeGreaterThan(1);
    // Every match is painted with the CSS Custom Highlight API, the current one apart.
    expect(await app.evaluate(() => (CSS.highlights.get('response-search')?.size ?? 0) + (CSS.highlights.get('response-search-current')?.size ?? 0))).toBe(total);
    await find.press('Enter');
    await expect(count).toHaveText(`2 of ${String(total)}`);
    await find.press('Shift+Enter');
    await expect(count).toHaveText(`1 of ${String(total)}`);
    await find.press('Escape');
    await expect(find).toHaveCount(0);
    await expect(body).toBeFocused();
    expect(await app.evaluate(() => CSS.highlights.has('response-search'))).toBe(false);

    const filter = app.getByRole('textbox', { name: 'JSONPath filter' });
    await filter.fill('$.status');
    await expect(app.getByTestId('jsonpath-count')).toHaveText('1 match for $.status');
    await expect(body).toContainText(/"(PENDING|READY)"/);
    await filter.fill('$.status[');
    await expect(app.getByTestId('jsonpath-error')).toHaveText('The [ at character 9 is not closed.');
    await expect(filter).toHaveAttribute('aria-invalid', 'true');
  });
});
