import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from './support/fixtures.ts';

// Kept across a restart of main: test/unit/platform/settings.test.ts (a host restart here hangs the fixture's teardown today).
test('Settings shows the downloads folder, changes it (created if missing), keeps it after a reload, and refuses a relative path', async ({ app, page, dataDir }) => {
  await app.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click();
  const field = app.getByLabel('Downloads folder');
  // The test host's default (COUNTERSIGN_DOWNLOADS_DIR, see host-process.ts).
  await expect(field).toHaveValue(join(dataDir, 'downloads'));
  await expect(app.getByTestId('downloads-folder')).toContainText('Now: the system downloads folder.');

  await field.fill('reports');
  await app.getByRole('button', { name: 'Use this folder' }).click();
  await expect(app.getByTestId('downloads-folder').getByRole('alert')).toContainText('must be a full path');

  const chosen = join(dataDir, 'reports', 'paynet');
  await field.fill(chosen);
  await app.getByRole('button', { name: 'Use this folder' }).click();
  await expect(app.getByTestId('downloads-folder')).toContainText(`The system downloads folder is ${join(dataDir, 'downloads')}`);
  expect((await stat(chosen)).isDirectory()).toBe(true);

  await page.reload();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByLabel('Downloads folder')).toHaveValue(chosen);
  await page.getByRole('button', { name: 'Use the system downloads folder' }).click();
  await expect(page.getByLabel('Downloads folder')).toHaveValue(join(dataDir, 'downloads'));
});
