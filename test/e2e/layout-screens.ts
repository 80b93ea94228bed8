import { expect, type Page } from '@playwright/test';
import { createVault, SEEDED_SECRETS } from './support/vault-setup.ts';

/** Shared by the layout and accessibility specs: the screens a user sees, each brought into a state worth checking. */

export const SCREENS_PASSPHRASE = 'layout and a11y passphrase';

export const nav = (app: Page, name: string) => app.getByRole('navigation', { name: 'Main' }).getByRole('button', { name, exact: true }).click();

/** A vault seeded with the sandbox credentials, and a sample request sent so the response and the debugger show. */
export async function prepareScreens(app: Page, secretValues: string[]): Promise<void> {
  secretValues.push(SCREENS_PASSPHRASE, ...SEEDED_SECRETS);
  await createVault(app, SCREENS_PASSPHRASE);
  await nav(app, 'Workbench');
  await app.locator('[data-testid="tree-row"][data-name="Sale (HMAC-SHA1)"] .wb-row-name').click();
  await app.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(app.getByTestId('response-status')).toBeVisible({ timeout: 20_000 });
}

/** Opens the flow runner on a built-in flow and runs it to the end. */
export async function runFlow(app: Page): Promise<void> {
  await nav(app, 'Flows');
  await app.getByRole('navigation', { name: 'Flow list' }).getByRole('button', { name: /^Request to pay and wait for the callback ·/ }).click();
  await app.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(app.locator('[data-testid="flow-run"][data-status="succeeded"]')).toBeVisible({ timeout: 30_000 });
}

/** Opens the flow editor for a new flow with one request step. */
export async function openFlowEditor(app: Page): Promise<void> {
  await nav(app, 'Flows');
  await app.getByRole('navigation', { name: 'Flow list' }).getByRole('region', { name: 'PayNet OSP' }).getByRole('button', { name: 'New flow' }).click();
  const form = app.getByRole('form', { name: 'New flow' });
  await form.getByRole('button', { name: 'Add request step' }).click();
  await form.getByRole('button', { name: 'Add request step' }).click();
}

/** Horizontal overflow of the page and of the main area (which scrolls on its own): 0 when nothing scrolls sideways. */
export async function sidewaysOverflow(app: Page): Promise<{ page: number; main: number; offenders: string[] }> {
  return app.evaluate(() => {
    const root = document.documentElement;
    const main = document.querySelector('.app-main');
    const width = root.clientWidth;
    // What sticks out past the right edge, for a readable failure.
    const offenders = [...document.querySelectorAll('body *')]
      .filter((element) => {
        const box = element.getBoundingClientRect();
        if (box.width === 0 || box.right <= width + 1) return false;
        // Inside something that scrolls or clips on its own: not the page's problem.
        for (let parent = element.parentElement; parent && parent !== main; parent = parent.parentElement) {
          const style = getComputedStyle(parent);
          if (style.overflowX !== 'visible' && parent.getBoundingClientRect().right <= width + 1) return false;
        }
        return true;
      })
      .slice(0, 5)
      .map((element) => `${element.tagName.toLowerCase()}.${[...element.classList].join('.')} right=${Math.round(element.getBoundingClientRect().right)}`);
    return {
      page: root.scrollWidth - root.clientWidth,
      main: main ? main.scrollWidth - main.clientWidth : 0,
      offenders,
    };
  });
}

/** What sticks out past the navigation's right edge (its border excluded), e.g. the Command palette's key hint: empty when everything fits. */
export async function navigationOverflow(app: Page): Promise<string[]> {
  return app.getByRole('navigation', { name: 'Main' }).evaluate((nav) => {
    const edge = nav.getBoundingClientRect().right - parseFloat(getComputedStyle(nav).borderRightWidth);
    return [...nav.querySelectorAll('*')]
      .filter((element) => element.getBoundingClientRect().width > 0 && element.getBoundingClientRect().right > edge + 0.5)
      .map((element) => `${element.tagName.toLowerCase()} "${element.textContent ?? ''}" right=${element.getBoundingClientRect().right.toFixed(1)} edge=${edge.toFixed(1)}`);
  });
}

/** The distinct top edges of each secret row's buttons: one per row when they sit on one line. */
export async function secretRowButtonLines(app: Page): Promise<number[]> {
  return app.getByTestId('secret-row').evaluateAll((rows) => rows.map((row) => new Set([...row.querySelectorAll('button')].map((button) => Math.round(button.getBoundingClientRect().top))).size));
}

/** How far the History list scrolls sideways (it scrolls on its own, so the page checks miss it): 0 when every row fits. */
export async function historySidewaysOverflow(app: Page): Promise<number> {
  return app.locator('.wb-history-list').evaluate((list) => list.scrollWidth - list.clientWidth);
}
