import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './support/fixtures.ts';
import { createVault } from './support/vault-setup.ts';

const PASSPHRASE = 'correct horse battery staple';
const ROW = '[data-testid="tree-row"]';

async function openWorkbench(app: Page, secretValues: string[]): Promise<Locator> {
  secretValues.push(PASSPHRASE);
  await createVault(app, PASSPHRASE);
  await app.getByRole('navigation').getByRole('button', { name: 'Workbench' }).click();
  await expect(app.locator(`${ROW}[data-kind="collection"]`)).toHaveCount(4);
  return app.getByRole('tree', { name: 'Requests' });
}

/** The name of the row the tree says is current (its aria-activedescendant). */
async function current(tree: Locator): Promise<string | null> {
  return tree.evaluate((element) => document.getElementById(element.getAttribute('aria-activedescendant') ?? '')?.getAttribute('data-name') ?? null);
}

const tablist = (app: Page) => app.getByRole('tablist', { name: 'Open requests' });
const selectedTab = (app: Page) => tablist(app).getByRole('tab', { selected: true });

test.describe('the keyboard in browser mode', () => {
  test('the tree: one Tab stop, arrows, Enter opens, F2 renames in place with a refused name kept, type-ahead', async ({ app, secretValues }) => {
    const tree = await openWorkbench(app, secretValues);
    await app.getByRole('button', { name: 'Import' }).focus();
    await app.keyboard.press('Tab');
    await expect(tree).toBeFocused();
    const names = await app.locator(ROW).evaluateAll((rows) => rows.map((row) => row.getAttribute('data-name') ?? ''));
    expect(await current(tree)).toBe(names[0]);

    await app.keyboard.press('ArrowDown');
    await app.keyboard.press('ArrowDown');
    const request = await current(tree);
    expect(request).toBe(names[2]);
    await app.keyboard.press('Enter');
    await expect(selectedTab(app)).toContainText(request ?? 'missing');
    await expect(tree).toBeFocused();

    await app.keyboard.press('F2');
    const field = app.getByLabel(`New name for ${request ?? ''}`);
    await expect(field).toBeFocused();
    await field.press('Control+a');
    await field.press('Delete');
    await field.press('Enter');
    await expect(app.getByRole('alert').filter({ hasText: 'A name cannot be empty.' })).toBeVisible();
    await field.fill('Token, renamed by keyboard');
    await field.press('Enter');
    await expect(app.locator(`${ROW}[data-name="Token, renamed by keyboard"]`)).toHaveCount(1);
    await expect(tree).toBeFocused();
    expect(await current(tree)).toBe('Token, renamed by keyboard');

    // Left twice: up to the parent, then it closes.
    await app.keyboard.press('ArrowLeft');
    const parent = await current(tree);
    await app.keyboard.press('ArrowLeft');
    await expect(app.locator(`${ROW}[data-name="${parent ?? ''}"]`)).toHaveAttribute('aria-expanded', 'false');
    await expect(app.locator(`${ROW}[data-name="Token, renamed by keyboard"]`)).toHaveCount(0);

    await app.keyboard.press('End');
    expect(await current(tree)).toBe(await app.locator(ROW).last().getAttribute('data-name'));
    await app.keyboard.press('Home');
    const first = names[0] ?? '';
    expect(await current(tree)).toBe(first);
    // Type-ahead: typing a row's name jumps to it.
    const shown = await app.locator(ROW).evaluateAll((rows) => rows.map((row) => row.getAttribute('data-name') ?? ''));
    const target = shown.find((name, index) => index > 3 && /^[A-Za-z]/.test(name) && shown.filter((other) => other.toLowerCase().startsWith(name.toLowerCase())).length === 1);
    await app.keyboard.type(target ?? '');
    expect(await current(tree)).toBe(target);
  });

  test('tabs: arrows between tabs, Ctrl+Tab and Alt+W (the browser keeps Ctrl+W), focus stays on a tab', async ({ app, secretValues }) => {
    const tree = await openWorkbench(app, secretValues);
    await tree.focus();
    const opened: string[] = [];
    for (let n = 0; opened.length < 3 && n < 20; n++) {
      await app.keyboard.press('ArrowDown');
      const name = await current(tree);
      const kind = await app.locator(`${ROW}[data-name="${name ?? ''}"]`).getAttribute('data-kind');
      if (kind !== 'request' || name === null) continue;
      await app.keyboard.press('Enter');
      opened.push(name);
    }
    await expect(tablist(app).getByRole('tab')).toHaveCount(3);
    await expect(selectedTab(app)).toContainText(opened[2] ?? 'missing');
    // The tab in view owns the request panel.
    const panelId = await selectedTab(app).getAttribute('aria-controls');
    expect(panelId).not.toBeNull();
    await expect(app.locator(`[id="${panelId ?? ''}"]`)).toHaveAttribute('role', 'tabpanel');

    await selectedTab(app).focus();
    await app.keyboard.press('ArrowLeft');
    await expect(selectedTab(app)).toContainText(opened[1] ?? 'missing');
    await expect(selectedTab(app)).toBeFocused();
    await app.keyboard.press('Control+Tab');
    await expect(selectedTab(app)).toContainText(opened[2] ?? 'missing');
    await app.keyboard.press('Control+Shift+Tab');
    await expect(selectedTab(app)).toContainText(opened[1] ?? 'missing');
    await app.keyboard.press('Alt+w');
    await expect(tablist(app).getByRole('tab')).toHaveCount(2);
    await expect(tablist(app).getByRole('tab', { name: new RegExp(opened[1] ?? 'missing') })).toHaveCount(0);
    await expect(selectedTab(app)).toBeFocused();
    await expect(app.getByRole('button', { name: `Close ${opened[0] ?? ''}` })).toBeVisible();
  });

  test('the command palette opens a request found by a few letters; Escape gives the focus back', async ({ app, secretValues }) => {
    const tree = await openWorkbench(app, secretValues);
    await tree.focus();
    await app.keyboard.press('Control+k');
    const search = app.getByRole('combobox', { name: 'Find a request, environment, flow or action' });
    await expect(search).toBeFocused();
    await app.keyboard.press('Escape');
    await expect(app.getByRole('dialog')).toHaveCount(0);
    await expect(tree).toBeFocused();

    const wanted = await app.locator(`${ROW}[data-kind="request"]`).nth(4).getAttribute('data-name');
    await app.keyboard.press('Control+k');
    await search.fill(wanted ?? '');
    await expect(app.getByRole('option').first()).toContainText(wanted ?? 'missing');
    await app.keyboard.press('Enter');
    await expect(app.getByRole('dialog')).toHaveCount(0);
    await expect(selectedTab(app)).toContainText(wanted ?? 'missing');

    // From another page, "Go to Keys" and back by the palette.
    await app.keyboard.press('Control+k');
    await search.fill('go keys');
    await app.keyboard.press('Enter');
    await expect(app.getByRole('navigation').getByRole('button', { name: 'Keys' })).toHaveAttribute('aria-current', 'page');
    await app.keyboard.press('?');
    await expect(app.getByRole('table', { name: 'Keyboard shortcuts' })).toContainText('Alt+W');
    await app.keyboard.press('Escape');
    await expect(app.getByRole('dialog')).toHaveCount(0);
  });

  test('a dialog opened from the tree keeps Tab inside and gives the focus back to the row on Escape', async ({ app, secretValues }) => {
    const tree = await openWorkbench(app, secretValues);
    await tree.focus();
    await app.keyboard.press('ArrowDown');
    const row = await current(tree);
    await app.keyboard.press('Shift+F10');
    const menu = app.getByRole('menu', { name: `Actions for ${row ?? ''}` });
    await expect(menu.getByRole('menuitem').first()).toBeFocused();
    await menu.getByRole('menuitem', { name: 'Move to…' }).focus();
    await app.keyboard.press('Enter');
    const dialog = app.getByRole('dialog');
    await expect(dialog).toBeVisible();
    for (let n = 0; n < 8; n++) {
      await app.keyboard.press(n % 2 === 0 ? 'Tab' : 'Shift+Tab');
      await app.keyboard.press('Tab');
      expect(await dialog.evaluate((element) => element.contains(document.activeElement))).toBe(true);
    }
    await app.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await expect(tree).toBeFocused();
    expect(await current(tree)).toBe(row);
  });

  test('axe finds no serious problem in the tree, the tabs and the palette', async ({ app, secretValues }) => {
    const tree = await openWorkbench(app, secretValues);
    await tree.focus();
    await app.keyboard.press('ArrowDown');
    await app.keyboard.press('ArrowDown');
    await app.keyboard.press('Enter');
    await app.keyboard.press('ArrowDown');
    await app.keyboard.press('Enter');
    await expect(tablist(app).getByRole('tab')).toHaveCount(2);
    // Colour contrast is the layout engineer's whole-screen check (test/e2e/a11y*); here: roles, names, ownership, focus.
    const serious = async (include: string) =>
      (await new AxeBuilder({ page: app }).include(include).disableRules(['color-contrast']).analyze()).violations
        .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
        .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
    expect(await serious('.wb-sidebar')).toEqual([]);
    expect(await serious('.wb-tabs')).toEqual([]);
    await app.keyboard.press('Control+k');
    await expect(app.getByRole('dialog', { name: 'Command palette' })).toBeVisible();
    expect(await serious('dialog')).toEqual([]);
  });
});
