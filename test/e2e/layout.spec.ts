import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures.ts';
import { historySidewaysOverflow, nav, navigationOverflow, openFlowEditor, prepareScreens, runFlow, SCREENS_PASSPHRASE, secretRowButtonLines, sidewaysOverflow } from './layout-screens.ts';
import { createVault, SEEDED_SECRETS } from './support/vault-setup.ts';

async function expectNoSidewaysScroll(app: Page, screen: string): Promise<void> {
  const overflow = await sidewaysOverflow(app);
  expect.soft(overflow, `${screen} scrolls sideways`).toEqual({ page: 0, main: 0, offenders: [] });
}

for (const viewport of [
  { width: 1024, height: 700 },
  { width: 1920, height: 1080 },
]) {
  test.describe(`layout at ${viewport.width}x${viewport.height}`, () => {
    test.use({ viewport });

    test('no screen scrolls sideways, and the key controls are visible and usable', async ({ app, secretValues }) => {
      test.setTimeout(120_000);
      await prepareScreens(app, secretValues);

      // Workbench with a request open and its response: the URL field keeps a usable width.
      await expectNoSidewaysScroll(app, 'Workbench');
      // History's rows (time, request, environment, status, assertions, size, Reopen) fit its list without scrolling it sideways.
      await expect(app.getByTestId('history-entry').first()).toBeVisible();
      expect.soft(await historySidewaysOverflow(app), 'History list scrolls sideways').toBe(0);
      // The navigation is narrower below 1280 px: the Command palette's Ctrl+K hint still fits inside it.
      expect.soft(await navigationOverflow(app), 'past the navigation’s edge').toEqual([]);
      const url = app.getByLabel('URL', { exact: true });
      await expect(url).toBeVisible();
      const urlBox = await url.boundingBox();
      expect.soft(urlBox?.width ?? 0, 'URL field width').toBeGreaterThanOrEqual(viewport.width >= 1920 ? 700 : 360);
      await url.click();
      await expect(url).toBeFocused();
      await expect(app.getByRole('button', { name: 'Send', exact: true })).toBeInViewport();

      // The response and the signature debugger share the row: the divider between them moves by keyboard,
      // its width is remembered, and it never pushes the page sideways.
      const divider = app.getByRole('separator', { name: 'Resize the response and the signature debugger' });
      if (viewport.width >= 1920) {
        const before = (await app.getByRole('region', { name: 'Response' }).boundingBox())?.width ?? 0;
        await divider.focus();
        for (let step = 0; step < 5; step += 1) await divider.press('ArrowLeft');
        await expect.poll(async () => (await app.getByRole('region', { name: 'Response' }).boundingBox())?.width ?? 0).toBeLessThan(before - 40);
        const narrowed = (await app.getByRole('region', { name: 'Response' }).boundingBox())?.width ?? 0;
        await divider.press('End');
        await expectNoSidewaysScroll(app, 'Workbench, response widened to the end');
        await divider.press('Home');
        await expect.poll(async () => Math.round((await app.getByRole('region', { name: 'Response' }).boundingBox())?.width ?? 0)).toBeLessThanOrEqual(Math.round(narrowed));
        // Kept across a visit to another page (across restarts: test/integration/settings/ui-layout.test.ts).
        const remembered = await divider.getAttribute('aria-valuenow');
        await nav(app, 'Home');
        await nav(app, 'Workbench');
        await expect(divider).toHaveAttribute('aria-valuenow', remembered ?? '');
      } else {
        // One column below 1100 px: the debugger sits under the response and the divider is hidden.
        await expect(divider).toBeHidden();
      }

      // The hex view: one dump line per screen line, so offsets, bytes and text stay in columns.
      const response = app.getByRole('region', { name: 'Response' });
      await response.getByRole('radio', { name: 'Hex' }).click();
      const hex = response.getByTestId('response-hex');
      const wrapped = await hex.evaluate((element) => {
        const lines = (element.textContent ?? '').split('\n').length;
        const style = getComputedStyle(element);
        const inner = element.clientHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom);
        return Math.round(inner / parseFloat(style.lineHeight)) - lines;
      });
      expect.soft(wrapped, 'hex dump lines that wrapped').toBe(0);
      await expectNoSidewaysScroll(app, 'Workbench, hex view');

      await nav(app, 'Home');
      await expectNoSidewaysScroll(app, 'Home');

      // Vault: every row's Delete button is on screen, not cut off.
      await nav(app, 'Vault');
      await app.getByRole('tab', { name: 'Sandbox' }).click();
      await expect(app.getByTestId('secret-row')).toHaveCount(6);
      await expectNoSidewaysScroll(app, 'Vault');
      for (const button of await app.getByRole('button', { name: /^Delete / }).all()) {
        await button.scrollIntoViewIfNeeded();
        await expect.soft(button).toBeInViewport({ ratio: 1 });
      }
      await app.getByRole('button', { name: /^Delete / }).first().click();
      await expect(app.getByRole('dialog')).toBeVisible();
      await app.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();

      await nav(app, 'Keys');
      await expect(app.getByRole('table', { name: /Keys in Sandbox/ })).toBeVisible();
      await expectNoSidewaysScroll(app, 'Keys');

      await nav(app, 'Settings');
      await expectNoSidewaysScroll(app, 'Settings');

      await runFlow(app);
      await expectNoSidewaysScroll(app, 'Flows with a run');

      // Flow editor: the Save/Cancel bar is visible and never covers a field.
      await openFlowEditor(app);
      await expectNoSidewaysScroll(app, 'Flow editor');
      const form = app.getByRole('form', { name: 'New flow' });
      const save = form.getByRole('button', { name: 'Save flow' });
      await expect(save).toBeInViewport({ ratio: 1 });
      const fields = await form.locator('input, select, textarea').all();
      for (const field of fields) {
        await field.scrollIntoViewIfNeeded();
        // The element on top at the field's centre is the field itself, not the bar.
        const covered = await field.evaluate((element) => {
          const box = element.getBoundingClientRect();
          const top = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
          return !(top === element || element.contains(top));
        });
        expect(covered, `a field under the Save bar: ${await field.getAttribute('aria-label') ?? await field.getAttribute('id') ?? ''}`).toBe(false);
      }
    });
  });
}

test.describe('layout at 1440x900', () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  test('the vault’s secret table uses the width: every row’s buttons on one line; the navigation fits', async ({ app, secretValues }) => {
    secretValues.push(SCREENS_PASSPHRASE, ...SEEDED_SECRETS);
    await createVault(app, SCREENS_PASSPHRASE);
    expect.soft(await navigationOverflow(app), 'past the navigation’s edge').toEqual([]);
    await nav(app, 'Vault');
    await app.getByRole('tab', { name: 'Sandbox' }).click();
    await expect(app.getByTestId('secret-row')).toHaveCount(6);
    expect(await secretRowButtonLines(app), 'lines of buttons in each secret row').toEqual([1, 1, 1, 1, 1, 1]);
    await expectNoSidewaysScroll(app, 'Vault at 1440 px');
  });
});
