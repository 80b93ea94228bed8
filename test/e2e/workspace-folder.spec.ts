import { readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures.ts';
import { createVault } from './support/vault-setup.ts';

const ROW = '[data-testid="tree-row"]';
const REPORT_FILE = 'paynet-osp/request-a-report.request.yaml';

async function openSettings(app: Page) {
  await app.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click();
}

async function openWorkbench(app: Page) {
  await app.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Workbench' }).click();
}

/** Replaces one line of a file on disk, as an editor or a git pull would. */
async function editOnDisk(path: string, from: RegExp, to: string) {
  const text = await readFile(path, 'utf8');
  const next = text.replace(from, to);
  expect(next).not.toBe(text);
  await writeFile(path, next);
}

test('a workspace folder: opened from Settings, reloaded after a change on disk with tabs kept, a conflict shown with both versions, a malformed file reported and left alone', async ({ app, dataDir }) => {
  const folder = join(dataDir, 'team-repo', 'countersign');
  await openSettings(app);
  await app.getByLabel('Workspace folder').fill(folder);
  await app.getByRole('button', { name: 'Open folder' }).click();
  await expect(app.getByTestId('workspace-start')).toContainText('holds no workspace yet');
  await app.getByRole('button', { name: 'Copy the workspace in use into it' }).click();
  await expect(app.getByTestId('workspace-path')).toHaveText(folder);
  await expect(app.getByTestId('workspace-location')).toContainText('changes on disk, such as a git pull, are picked up');
  await expect(app.getByTestId('workspace-recent')).toContainText(folder);
  expect((await stat(join(folder, REPORT_FILE))).isFile()).toBe(true);

  // An external edit to an open tab without unsaved edits: the tab stays open and shows the file's new content.
  await openWorkbench(app);
  await app.locator(`${ROW}[data-name="Request a report"] .wb-row-name`).click();
  const url = app.getByLabel('URL');
  await expect(url).toHaveValue('{{baseUrl}}/api/v1/reports');
  await editOnDisk(join(folder, REPORT_FILE), /^url: .*$/m, 'url: "{{baseUrl}}/v2/reports"');
  await expect(url).toHaveValue('{{baseUrl}}/v2/reports');
  await expect(app.getByRole('tablist', { name: 'Open requests' }).getByRole('tab', { selected: true })).toContainText('Request a report');

  // A rename on disk shows in the sidebar.
  await editOnDisk(join(folder, 'paynet-osp/report-status.request.yaml'), /^name: .*$/m, 'name: Report status (pulled)');
  await expect(app.locator(`${ROW}[data-name="Report status (pulled)"]`)).toBeVisible();

  // Unsaved edits, then the same request changes on disk: both versions, and "take theirs" drops mine.
  await url.fill('{{baseUrl}}/mine');
  await editOnDisk(join(folder, REPORT_FILE), /^url: .*$/m, 'url: "{{baseUrl}}/theirs"');
  const conflict = app.getByTestId('disk-conflict');
  await expect(conflict).toContainText('changed on disk');
  await expect(conflict.getByTestId('conflict-mine')).toHaveText('{{baseUrl}}/mine');
  await expect(conflict.getByTestId('conflict-theirs')).toHaveText('{{baseUrl}}/theirs');
  await conflict.getByRole('button', { name: 'Take theirs' }).click();
  await expect(conflict).toBeHidden();
  await expect(url).toHaveValue('{{baseUrl}}/theirs');

  // Again, and "keep mine" writes mine over the file.
  await url.fill('{{baseUrl}}/mine-again');
  await editOnDisk(join(folder, REPORT_FILE), /^url: .*$/m, 'url: "{{baseUrl}}/theirs-again"');
  await conflict.getByRole('button', { name: 'Keep mine' }).click();
  await expect(conflict).toBeHidden();
  await expect(url).toHaveValue('{{baseUrl}}/mine-again');
  await expect.poll(async () => readFile(join(folder, REPORT_FILE), 'utf8')).toContain('url: "{{baseUrl}}/mine-again"');

  // Deleted on disk under unsaved edits: not silently closed; "keep mine" saves it again.
  await url.fill('{{baseUrl}}/rescued');
  await rm(join(folder, REPORT_FILE));
  await expect(conflict).toContainText('was deleted on disk');
  await conflict.getByRole('button', { name: 'Keep mine' }).click();
  await expect(conflict).toBeHidden();
  await expect(url).toHaveValue('{{baseUrl}}/rescued');
  await expect.poll(async () => readFile(join(folder, REPORT_FILE), 'utf8').catch(() => '')).toContain('url: "{{baseUrl}}/rescued"');

  // A malformed file: reported with its path and line, the rest still loads, the file is not rewritten.
  const brokenPath = join(folder, 'elecsnet/sale-hmac-sha1.request.yaml');
  const broken = (await readFile(brokenPath, 'utf8')).replace(/^method: (.*)$/m, 'method: [$1');
  await writeFile(brokenPath, broken);
  await expect(app.locator(`${ROW}[data-name="Sale (HMAC-SHA1)"]`)).toHaveCount(0);
  await expect(app.locator(`${ROW}[data-name="Sale (RSA-SHA256)"]`)).toBeVisible();
  await openSettings(app);
  await expect(app.getByTestId('workspace-problems')).toContainText(/elecsnet\/sale-hmac-sha1\.request\.yaml:\d+: /);
  expect(await readFile(brokenPath, 'utf8')).toBe(broken);

  // Back to the default workspace: the data directory's file, untouched by all of the above.
  await app.getByRole('button', { name: 'Use the default workspace' }).click();
  await expect(app.getByTestId('workspace-path')).toHaveText(join(dataDir, 'workspace.json'));
  await openWorkbench(app);
  await expect(app.locator(`${ROW}[data-name="Report status"]`)).toBeVisible();
});

test('the import dialog refuses a collection name already in use and offers replace, merge or keep both', async ({ app, secretValues }) => {
  const passphrase = 'correct horse battery staple';
  secretValues.push(passphrase);
  await createVault(app, passphrase);
  await openWorkbench(app);
  const collections = app.locator(`${ROW}[data-kind="collection"]`);
  await expect(collections).toHaveCount(4);
  const file = JSON.stringify({
    format: 'countersign.collection',
    version: 2,
    collection: { name: 'PayNet OSP', items: [{ type: 'request', name: 'Ping from the team', method: 'GET', url: 'https://gateway.example/ping' }] },
  });
  await app.getByRole('button', { name: 'Import' }).click();
  const dialog = app.getByRole('dialog');
  await dialog.getByRole('radio', { name: 'Countersign export' }).click();
  await dialog.getByLabel('Import text').fill(file);
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  const taken = dialog.getByTestId('import-name-taken');
  await expect(taken).toContainText('A collection named "PayNet OSP" already exists');
  await expect(collections).toHaveCount(4);

  await taken.getByRole('button', { name: 'Merge into it' }).click();
  await expect(dialog.getByTestId('import-report')).toContainText('Imported 1 request');
  await expect(collections).toHaveCount(4);
  await expect(app.locator(`${ROW}[data-name="Ping from the team"]`)).toBeVisible();
  await expect(app.locator(`${ROW}[data-name="Request a report"]`)).toBeVisible();

  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await dialog.getByTestId('import-name-taken').getByRole('button', { name: 'Keep both' }).click();
  await expect(collections).toHaveCount(5);
  await expect(app.locator(`${ROW}[data-name="PayNet OSP (2)"]`)).toBeVisible();
});
