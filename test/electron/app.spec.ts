import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, expect, test } from '@playwright/test';
import type { PreloadBridge } from '../../main/contract/index.ts';
import { findElectronBinary } from '../../scripts/electron-binary.mjs';

const binary = findElectronBinary();
if ('reason' in binary) console.log(`Electron tests skipped: ${binary.reason}.`);
const MAIN = fileURLToPath(new URL('../../out/main/index.js', import.meta.url));

test.describe('Electron app', () => {
  test.skip('reason' in binary, `Electron binary not available: ${'reason' in binary ? binary.reason : ''}. These tests run where it exists.`);

  test('opens a hardened window whose renderer reaches main only through the frozen bridge', async () => {
    if (!('path' in binary)) return;
    const dataDir = await mkdtemp(join(tmpdir(), 'countersign-electron-'));
    const app = await electron.launch({ executablePath: binary.path, args: [MAIN, '--data-dir', dataDir] });
    try {
      const page = await app.firstWindow();
      await expect(page).toHaveTitle('Countersign');
      await expect(page.getByTestId('app-mode')).toHaveText('Desktop app');
      expect(new URL(page.url()).protocol).toBe('countersign:');
      const surface = await page.evaluate(() => {
        const bridge = (globalThis as { countersign?: PreloadBridge }).countersign;
        return {
          hasRequire: typeof (globalThis as { require?: unknown }).require !== 'undefined',
          hasProcess: typeof (globalThis as { process?: unknown }).process !== 'undefined',
          frozen: Object.isFrozen(bridge) && Object.isFrozen(bridge?.invoke),
          keys: Object.keys(bridge ?? {}).sort(),
        };
      });
      expect(surface).toEqual({ hasRequire: false, hasProcess: false, frozen: true, keys: ['invoke', 'on'] });
      await page.getByRole('button', { name: 'Settings' }).click();
      await page.getByRole('radio', { name: 'Dark' }).check();
      await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    } finally {
      await app.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  test('lists the built-in flows and runs the callback inbox from the main process', async () => {
    if (!('path' in binary)) return;
    const dataDir = await mkdtemp(join(tmpdir(), 'countersign-electron-'));
    const app = await electron.launch({ executablePath: binary.path, args: [MAIN, '--data-dir', dataDir] });
    try {
      const page = await app.firstWindow();
      await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Flows' }).click();
      const list = page.getByRole('navigation', { name: 'Flow list' });
      for (const name of ['Download report', 'Provision sandbox API user', 'Request to pay and wait for the callback']) {
        await expect(list.getByRole('button', { name: new RegExp(`^${name} ·`) })).toBeVisible();
      }
      const inbox = page.getByRole('region', { name: 'Callback inbox' });
      await inbox.getByRole('button', { name: /^(Start|Restart)$/ }).click();
      const url = (await inbox.getByText(/^http:\/\/127\.0\.0\.1:\d+$/).first().textContent()) ?? '';
      expect((await fetch(`${url}/electron-check`, { method: 'PUT', body: '{"ok":true}' })).status).toBe(200);
      await expect(inbox.getByText('/electron-check').first()).toBeVisible();
    } finally {
      await app.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
