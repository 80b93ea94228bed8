import type { Locator, Page } from '@playwright/test';
import { expect, test } from './support/fixtures.ts';
import { createVault, SEEDED_SECRETS } from './support/vault-setup.ts';

const PASSPHRASE = 'correct horse battery staple';

async function openFlows(app: Page, secretValues: string[]) {
  secretValues.push(PASSPHRASE, ...SEEDED_SECRETS);
  await createVault(app, PASSPHRASE);
  await app.getByRole('navigation').getByRole('button', { name: 'Flows', exact: true }).click();
}

const flowList = (app: Page) => app.getByRole('navigation', { name: 'Flow list' });
const collection = (app: Page, name: string) => flowList(app).getByRole('region', { name });
const step = (form: Locator, number: number) => form.getByRole('region', { name: `Step ${String(number)}`, exact: true });

test.describe('flow editor', () => {
  test('builds a two-step flow, runs it on Sandbox, then edits it', async ({ app, secretValues }) => {
    await openFlows(app, secretValues);
    await collection(app, 'PayNet OSP').getByRole('button', { name: 'New flow' }).click();
    const form = app.getByRole('form', { name: 'New flow' });
    await expect(form).toBeVisible();

    await form.getByRole('button', { name: 'Add request step' }).click();
    await step(form, 1).getByLabel('Request', { exact: true }).selectOption({ label: 'POST Get access token' });
    await form.getByRole('button', { name: 'Add request step' }).click();
    const second = step(form, 2);
    await second.getByLabel('Request', { exact: true }).selectOption({ label: 'POST Request a report' });
    await second.getByRole('button', { name: 'Add capture' }).click();
    await second.getByLabel('Capture 1 variable name').fill('reportId');

    // No name and a capture with no path: main refuses, the form says where and keeps everything typed.
    await form.getByRole('button', { name: 'Save flow' }).click();
    await expect(form.getByTestId('flow-save-error')).toContainText('Not saved');
    const nameField = form.getByLabel('Flow name');
    await expect(nameField).toHaveAttribute('aria-invalid', 'true');
    await expect(second.getByTestId('field-issue')).toHaveText('Required.');
    await expect(second.getByLabel('Capture 1 variable name')).toHaveValue('reportId');
    await expect(step(form, 1).getByLabel('Request', { exact: true })).toHaveValue(/.+/);

    await nameField.fill('Report id only');
    await second.getByLabel('Capture 1 JSON path').fill('reportId');
    await form.getByRole('button', { name: 'Save flow' }).click();
    // The contract's own check on a JSONPath, shown beside the path.
    await expect(second.getByTestId('field-issue')).toContainText('A JSONPath starts with $');
    await expect(nameField).not.toHaveAttribute('aria-invalid', 'true');

    await second.getByLabel('Capture 1 JSON path').fill('$.reportId');
    await form.getByRole('button', { name: 'Save flow' }).click();
    await expect(form).toHaveCount(0);
    const listed = collection(app, 'PayNet OSP').getByRole('button', { name: /^Report id only/ });
    await expect(listed).toContainText('2 steps');

    await listed.click();
    await app.getByRole('radiogroup', { name: 'Environment' }).getByRole('radio', { name: 'Sandbox' }).click();
    await app.getByRole('button', { name: 'Run', exact: true }).click();
    const run = app.getByTestId('flow-run');
    await expect(run.getByTestId('run-status')).toHaveText('Succeeded', { timeout: 20_000 });
    await expect(run.getByTestId('flow-step')).toHaveCount(2);
    for (const row of await run.getByTestId('flow-step').all()) await expect(row).toHaveAttribute('data-status', 'succeeded');
    await expect(run.getByTestId('captured-value')).toContainText(/reportId.*: \S+/);

    // Edit: rename and drop the token step; the step that stays keeps its capture.
    await app.getByRole('button', { name: 'Edit flow' }).click();
    const edit = app.getByRole('form', { name: 'Edit flow' });
    await edit.getByLabel('Flow name').fill('Report request');
    await edit.getByRole('button', { name: 'Remove step 1' }).click();
    await expect(step(edit, 1).getByLabel('Request', { exact: true })).toHaveValue(/.+/);
    await expect(step(edit, 1).getByLabel('Capture 1 JSON path')).toHaveValue('$.reportId');
    await expect(step(edit, 2)).toHaveCount(0);
    await edit.getByRole('button', { name: 'Save flow' }).click();
    await expect(edit).toHaveCount(0);
    await expect(collection(app, 'PayNet OSP').getByRole('button', { name: /^Report id only/ })).toHaveCount(0);
    await expect(collection(app, 'PayNet OSP').getByRole('button', { name: /^Report request/ })).toContainText('1 step');
    // Opened again, the editor shows what main saved; unchanged, Cancel just closes it.
    await expect(app.getByRole('heading', { name: 'Report request', level: 2 })).toBeVisible();
    await app.getByRole('button', { name: 'Edit flow' }).click();
    await expect(edit.getByLabel('Flow name')).toHaveValue('Report request');
    await expect(edit.getByTestId('flow-editor-step')).toHaveCount(1);
    await expect(step(edit, 1).getByLabel('Capture 1 variable name')).toHaveValue('reportId');
    await edit.getByRole('button', { name: 'Cancel' }).click();
    await expect(edit).toHaveCount(0);
  });

  test('an emptied flow is refused with the contract’s message, and Cancel asks before dropping changes', async ({ app, secretValues }) => {
    await openFlows(app, secretValues);
    await collection(app, 'PayNet OSP').getByRole('button', { name: /^Download report/ }).click();
    await app.getByRole('button', { name: 'Edit flow' }).click();
    const edit = app.getByRole('form', { name: 'Edit flow' });
    await expect(edit.getByTestId('flow-editor-step')).toHaveCount(4);
    // The sample's poll comes in as a form, not JSON.
    await expect(step(edit, 3).getByLabel('Condition JSON path')).toHaveValue('$.status');
    await expect(step(edit, 3).getByLabel('Condition value')).toHaveValue('READY');

    // A secret target offers the names the environments expect, and takes a new one too.
    await step(edit, 2).getByRole('button', { name: 'Add capture' }).click();
    await step(edit, 2).getByLabel('Capture 2 target').selectOption({ label: 'Vault secret' });
    const secretName = step(edit, 2).getByLabel('Capture 2 secret name');
    const listId = await secretName.getAttribute('list');
    const offered = await app.locator(`datalist[id="${listId ?? ''}"] option`).evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value));
    expect(offered).toEqual(['paynet.client_secret']);
    await secretName.fill('paynet.report_token');
    await expect(secretName).toHaveValue('paynet.report_token');

    for (let left = 4; left > 0; left--) await edit.getByRole('button', { name: `Remove step ${String(left)}` }).click();
    await edit.getByRole('button', { name: 'Save flow' }).click();
    await expect(edit.getByTestId('field-issue')).toHaveText('A flow needs at least one step.');
    await expect(edit.getByLabel('Flow name')).toHaveValue('Download report');

    await edit.getByRole('button', { name: 'Cancel' }).click();
    const confirm = app.getByRole('dialog', { name: 'Discard your changes?' });
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await expect(edit.getByLabel('Flow name')).toHaveValue('Download report');
    await edit.getByRole('button', { name: 'Cancel' }).click();
    await confirm.getByRole('button', { name: 'Discard changes' }).click();
    await expect(edit).toHaveCount(0);
    await expect(collection(app, 'PayNet OSP').getByRole('button', { name: /^Download report/ })).toContainText('4 steps');
  });
});
