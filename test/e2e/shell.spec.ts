import { expect, test } from './support/fixtures.ts';

test('browser mode renders the app shell: title, navigation and theme toggle', async ({ app }) => {
  await expect(app).toHaveTitle('Countersign');
  await expect(app.getByRole('heading', { level: 1, name: 'Countersign' })).toBeVisible();
  const nav = app.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('button', { name: 'Home' })).toHaveAttribute('aria-current', 'page');
  await expect(nav.getByRole('button', { name: 'Settings' })).toBeVisible();
  await expect(app.getByTestId('theme-toggle')).toBeVisible();
  await expect(app.getByTestId('app-mode')).toHaveText('Browser mode');
});

test('the launch token is removed from the address bar and a reload still works', async ({ app }) => {
  await expect(app.getByTestId('app-info')).toBeVisible();
  expect(new URL(app.url()).hash).toBe('');
  await app.reload();
  await expect(app.getByTestId('app-info')).toBeVisible();
});

test('a page opened without the token explains what to do', async ({ page, host }) => {
  await page.goto(`http://127.0.0.1:${host.port}/`);
  await expect(page.getByRole('alert')).toContainText('launch token');
});

test('the theme changes and survives a restart of the host', async ({ app, host, restartHost, page }) => {
  const html = app.locator('html');
  await app.getByRole('button', { name: 'Settings' }).click();
  await app.getByRole('radio', { name: 'Dark' }).check();
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await app.getByTestId('theme-toggle').click(); // dark -> system
  await app.getByTestId('theme-toggle').click(); // system -> light
  await expect(html).toHaveAttribute('data-theme', 'light');
  await expect(app.getByRole('radio', { name: 'Light' })).toBeChecked();

  await host.stop();
  const second = await restartHost();
  await page.goto(second.url);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByRole('radio', { name: 'Light' })).toBeChecked();
});

test('the system theme follows the operating system', async ({ app, page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(app.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(app.locator('html')).toHaveAttribute('data-theme', 'light');
});

test('a theme change made elsewhere reaches an open page through the event stream', async ({ app, host }) => {
  await expect(app.getByTestId('app-info')).toBeVisible();
  await app.waitForTimeout(300);
  const response = await fetch(`http://127.0.0.1:${host.port}/api/invoke/settings:set`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-countersign-token': host.token },
    body: JSON.stringify({ theme: 'dark' }),
  });
  expect(response.status).toBe(200);
  await expect(app.locator('html')).toHaveAttribute('data-theme', 'dark');
});

test('the built-in sandbox starts on demand and answers on loopback', async ({ app }) => {
  const card = app.getByTestId('sandbox-card');
  await expect(card.getByTestId('sandbox-status')).toHaveText('Stopped.');
  await card.getByRole('button', { name: 'Start sandbox' }).click();
  await expect(card.getByTestId('sandbox-status')).toContainText('Running at http://127.0.0.1:');
  const url = (await card.getByTestId('sandbox-status').locator('code').textContent())!;
  const info = await fetch(`${url}/sandbox`);
  expect(info.status).toBe(200);
  await card.getByRole('button', { name: 'Stop sandbox' }).click();
  await expect(card.getByTestId('sandbox-status')).toHaveText('Stopped.');
  await expect(fetch(`${url}/sandbox`)).rejects.toThrow();
});
