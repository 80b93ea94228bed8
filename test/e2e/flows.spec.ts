import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './support/fixtures.ts';
import { apiKeyDigest } from '../../main/sandbox/momo/api-users.ts';
import { createVault, SEEDED_SECRETS } from './support/vault-setup.ts';

const PASSPHRASE = 'correct horse battery staple';
// A run's last state is what these wait for; the sandbox answers in a few seconds.
const RUN_TIMEOUT = 30_000;

async function openFlows(app: Page, secretValues: string[]) {
  secretValues.push(PASSPHRASE, ...SEEDED_SECRETS);
  await createVault(app, PASSPHRASE);
  await app.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Flows' }).click();
  await expect(app.getByRole('navigation', { name: 'Flow list' })).toBeVisible();
}

async function selectFlow(app: Page, name: string) {
  await app
    .getByRole('navigation', { name: 'Flow list' })
    .getByRole('button', { name: new RegExp(`^${escape(name)} ·`) })
    .click();
  await expect(app.getByRole('heading', { level: 2, name })).toBeVisible();
  await expect(app.getByRole('radiogroup', { name: 'Environment' }).getByRole('radio', { checked: true })).toHaveText('Sandbox');
}

const steps = (app: Page) => app.getByTestId('flow-step');
const step = (app: Page, index: number) => app.locator(`[data-testid="flow-step"][data-index="${String(index)}"]`);
const run = (app: Page) => app.getByTestId('flow-run');

async function runAndWait(app: Page, status: 'succeeded' | 'failed' | 'cancelled') {
  await app.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(run(app)).toHaveAttribute('data-status', status, { timeout: RUN_TIMEOUT });
}

async function expectStatuses(app: Page, statuses: string[]) {
  await expect(steps(app)).toHaveCount(statuses.length);
  for (const [index, status] of statuses.entries()) await expect(step(app, index)).toHaveAttribute('data-status', status);
}

async function attempts(row: Locator): Promise<number> {
  return Number.parseInt((await row.getByTestId('step-attempts').textContent()) ?? '0', 10);
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Every status a step row took on, recorded in the page so a short state is never missed between polls. */
async function recordStatuses(app: Page, index: number): Promise<() => Promise<string[]>> {
  await app.evaluate((stepIndex) => {
    const seen: string[] = [];
    (window as unknown as { seenStatuses: string[] }).seenStatuses = seen;
    const note = () => {
      const status = document.querySelector(`[data-testid="flow-step"][data-index="${String(stepIndex)}"]`)?.getAttribute('data-status');
      if (status && seen.at(-1) !== status) seen.push(status);
    };
    new MutationObserver(note).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-status'] });
  }, index);
  return () => app.evaluate(() => (window as unknown as { seenStatuses: string[] }).seenStatuses);
}

test.describe('flows', () => {
  test('PayNet "Download report" polls until ready and saves the CSV with its SHA-256', async ({ app, secretValues }) => {
    await openFlows(app, secretValues);
    await selectFlow(app, 'Download report');
    await runAndWait(app, 'succeeded');
    await expectStatuses(app, ['succeeded', 'succeeded', 'succeeded', 'succeeded']);

    // The sandbox reports READY only after several status requests.
    expect(await attempts(step(app, 2))).toBeGreaterThan(1);
    const saved = step(app, 3).getByTestId('saved-file');
    await expect(saved).toContainText(/\.csv\b/);
    await expect(saved).toContainText(/SHA-256 [0-9a-f]{64}/);
    await expect(saved.getByRole('button', { name: 'Show in folder' })).toBeVisible();

    // A step's detail: the request as sent, the response and the signing trace.
    await step(app, 1).getByRole('button', { name: /^Details/ }).click();
    const detail = app.getByTestId('step-detail');
    await expect(detail.getByRole('region', { name: 'Request as sent' })).toContainText('POST');
    await expect(detail.getByTestId('response-status')).toHaveText(/^2\d\d/);
    await expect(detail.getByTestId('signature-trace').first()).toBeVisible();
  });

  test('PayNet "Download report" takes its inputs from the form: the request as sent carries them', async ({ app, secretValues }) => {
    await openFlows(app, secretValues);
    await selectFlow(app, 'Download report');
    // The form shows the flow's inputs with their defaults before anything runs.
    await expect(app.getByLabel('reportType')).toHaveValue('settlement');
    await expect(app.getByLabel('dateFrom')).toHaveValue('{{$yesterday}}');
    await expect(app.getByLabel('format')).toHaveValue('csv');
    await app.getByLabel('reportType').fill('transactions');
    await app.getByLabel('dateFrom').fill('2026-11-01');
    await app.getByLabel('dateTo').fill('2026-11-30');
    await runAndWait(app, 'succeeded');
    await expect(app.getByTestId('run-variables')).toContainText('transactions');
    await step(app, 1).getByRole('button', { name: /^Details/ }).click();
    const sent = app.getByTestId('step-detail').getByRole('region', { name: 'Request as sent' });
    await expect(sent).toContainText('"reportType": "transactions"');
    await expect(sent).toContainText('"dateFrom": "2026-11-01"');
    await expect(sent).toContainText('"dateTo": "2026-11-30"');
    await expect(sent).toContainText('"format": "csv"');
  });

  test('MoMo "Provision sandbox API user" stores the new key in the vault without showing it', async ({ app, secretValues, dataDir, bridge }) => {
    await openFlows(app, secretValues);
    await selectFlow(app, 'Provision sandbox API user');
    await runAndWait(app, 'succeeded');
    // The last step fetches a token with the new user and key: it succeeding proves both work.
    await expectStatuses(app, ['succeeded', 'succeeded', 'succeeded']);

    const captured = step(app, 1).getByTestId('captured-value');
    const secret = captured.filter({ hasText: 'secret' });
    await expect(secret).toContainText('stored in the Sandbox vault');
    await expect(secret.locator('code')).toHaveCount(0);
    await expect(captured.filter({ hasText: 'Sandbox variable apiUser' }).locator('code')).toHaveText(/^[0-9a-f-]{36}$/);

    // The sandbox keeps only digests of the keys it issued (#15): every 32-hex string the
    // renderer received is checked against them, so the new key cannot have reached the page.
    const users = JSON.parse(await readFile(join(dataDir, 'sandbox', 'momo-api-users.json'), 'utf8')) as [string, { apiKeyHash?: string; apiKey?: string }][];
    const issued = users.filter(([, user]) => user.apiKeyHash !== undefined);
    expect(issued.length).toBeGreaterThan(0);
    expect(users.every(([, user]) => user.apiKey === undefined)).toBe(true);
    const candidates = new Set(bridge.texts().flatMap((text) => text.match(/(?<![0-9a-f])[0-9a-f]{32}(?![0-9a-f])/gi) ?? []));
    const leaked = [...candidates].filter((candidate) => issued.some(([id, user]) => apiKeyDigest(id, candidate) === user.apiKeyHash));
    expect(leaked).toEqual([]);
  });

  test('MoMo "Request to pay" waits for the callback, which shows up live in the inbox', async ({ app, secretValues }) => {
    await openFlows(app, secretValues);
    await selectFlow(app, 'Request to pay and wait for the callback');
    await expect(app.getByLabel('callbackUrl')).toHaveValue('{{$inboxUrl}}/momo/requesttopay');
    const seen = await recordStatuses(app, 1);
    await runAndWait(app, 'succeeded');
    await expectStatuses(app, ['succeeded', 'succeeded', 'succeeded']);
    expect(await seen()).toEqual(expect.arrayContaining(['waiting', 'succeeded']));
    expect((await seen()).indexOf('waiting')).toBeLessThan((await seen()).indexOf('succeeded'));

    await expect(step(app, 1).getByTestId('captured-value').filter({ hasText: 'variable paymentStatus' })).toContainText('SUCCESSFUL');
    await expect(app.getByTestId('run-variables')).toContainText('paymentStatus');

    const inbox = app.getByRole('region', { name: 'Callback inbox' });
    await expect(inbox.getByTestId('inbox-state')).toHaveText('Listening');
    const entry = inbox.getByTestId('inbox-entry').filter({ hasText: '/momo/requesttopay' });
    await expect(entry).toHaveCount(1);
    await expect(entry.locator('summary')).toContainText('PUT');
    await entry.locator('summary').click();
    await expect(entry.getByTestId('callback-body')).toContainText('"status"');

    // The callback step's detail is the callback it received.
    await step(app, 1).getByRole('button', { name: /^Details/ }).click();
    await expect(app.getByTestId('step-detail').getByTestId('callback-entry')).toContainText('PUT /momo/requesttopay');
  });

  test('cancelling during the poll ends the run and runs none of the later steps', async ({ app, secretValues }) => {
    await openFlows(app, secretValues);
    await selectFlow(app, 'Download report');
    await app.getByRole('button', { name: 'Run', exact: true }).click();
    // Between two status requests the step waits a second: cancel then.
    await expect(step(app, 2)).toHaveAttribute('data-status', 'waiting', { timeout: RUN_TIMEOUT });
    await app.getByRole('button', { name: 'Cancel run' }).click();
    await expect(run(app)).toHaveAttribute('data-status', 'cancelled');
    await expectStatuses(app, ['succeeded', 'succeeded', 'cancelled', 'skipped']);
    await expect(step(app, 3).getByTestId('step-attempts')).toHaveCount(0);
    await expect(app.getByTestId('run-message')).toHaveText('The run was cancelled.');
  });

  test('re-running from a step skips the steps before it and reuses their values', async ({ app, secretValues }) => {
    await openFlows(app, secretValues);
    await selectFlow(app, 'Download report');
    await runAndWait(app, 'succeeded');

    await step(app, 3).getByRole('button', { name: /^Re-run from step 4/ }).click();
    // The new run replaces the old one on screen; its first steps are skipped, not sent again.
    await expect(step(app, 0)).toHaveAttribute('data-status', 'skipped');
    await expect(run(app)).toHaveAttribute('data-status', 'succeeded', { timeout: RUN_TIMEOUT });
    await expectStatuses(app, ['skipped', 'skipped', 'skipped', 'succeeded']);
    for (const index of [0, 1, 2]) await expect(step(app, index).getByTestId('step-attempts')).toHaveCount(0);
    // The download used the reportId the earlier run captured.
    await expect(app.getByTestId('run-variables')).toContainText('reportId');
    await expect(step(app, 3).getByTestId('saved-file')).toContainText(/SHA-256 [0-9a-f]{64}/);
  });

  test('a protected environment asks before running; deleting a flow asks first', async ({ app, secretValues }) => {
    await openFlows(app, secretValues);
    await selectFlow(app, 'Download report');
    await app.getByRole('radiogroup', { name: 'Environment' }).getByRole('radio', { name: /Production/ }).click();
    await app.getByRole('button', { name: 'Run', exact: true }).click();
    const guard = app.getByRole('dialog', { name: 'Run in Production?' });
    await expect(guard).toContainText('Production is protected');
    await guard.getByRole('button', { name: 'Cancel' }).click();
    await expect(guard).toHaveCount(0);
    await expect(run(app)).toHaveCount(0);

    // Edit opens the flow editor in place of the runner; Cancel comes back.
    await app.getByRole('button', { name: 'Edit flow' }).click();
    await expect(app.getByRole('form', { name: 'Edit flow' })).toBeVisible();
    await app.getByRole('form', { name: 'Edit flow' }).getByRole('button', { name: 'Cancel' }).click();
    await expect(app.getByRole('heading', { level: 2, name: 'Download report' })).toBeVisible();

    await app.getByRole('button', { name: 'Delete flow' }).click();
    const confirm = app.getByRole('dialog', { name: 'Delete this flow?' });
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    const listed = app.getByRole('navigation', { name: 'Flow list' }).getByRole('button', { name: /^Download report ·/ });
    await expect(listed).toHaveCount(1);
    await app.getByRole('button', { name: 'Delete flow' }).click();
    await confirm.getByRole('button', { name: 'Delete flow' }).click();
    await expect(listed).toHaveCount(0);
    await expect(app.getByText('Choose a flow to run it.')).toBeVisible();
  });

  test('an oversized callback is kept truncated and flagged; another host is warned about', async ({ app, secretValues }) => {
    await openFlows(app, secretValues);
    const inbox = app.getByRole('region', { name: 'Callback inbox' });
    await inbox.getByRole('button', { name: 'Start' }).click();
    await expect(inbox.getByTestId('inbox-state')).toHaveText('Listening');
    await expect(inbox.getByTestId('inbox-exposure')).toHaveCount(0);
    const url = await inbox.getByTestId('inbox-url').textContent();

    const size = 100 * 1024;
    const response = await fetch(`${url ?? ''}/oversized`, { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: 'x'.repeat(size) });
    expect(response.status).toBe(200);
    const entry = inbox.getByTestId('inbox-entry').filter({ hasText: '/oversized' });
    await expect(entry.getByTestId('truncated-flag').first()).toHaveText('truncated: 100.0 KiB received, 64.0 KiB kept');

    // HTML arrives as text, never rendered.
    await fetch(`${url ?? ''}/html`, { method: 'POST', headers: { 'Content-Type': 'text/html' }, body: '<img src=x onerror="document.title=1"><b>bold</b>' });
    const html = inbox.getByTestId('inbox-entry').filter({ hasText: '/html' });
    await html.locator('summary').click();
    await expect(html.getByTestId('callback-body')).toHaveText('<img src=x onerror="document.title=1"><b>bold</b>');
    await expect(html.locator('img, b')).toHaveCount(0);

    await inbox.getByRole('button', { name: 'Clear' }).click();
    await expect(inbox.getByTestId('inbox-entry')).toHaveCount(0);

    await inbox.getByLabel('Host').fill('0.0.0.0');
    await expect(inbox.getByTestId('inbox-exposure-preview')).toContainText('anyone who can reach this machine');
  });
});
