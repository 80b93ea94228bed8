import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures.ts';
import { nav, openFlowEditor, prepareScreens, runFlow } from './layout-screens.ts';

/** Serious and critical axe findings on what is on screen now, one readable line each. */
async function seriousViolations(app: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page: app }).analyze();
  return result.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .flatMap((violation) => violation.nodes.slice(0, 4).map((node) => `${violation.id}: ${node.target.join(' ')} — ${node.failureSummary?.split('\n').slice(1, 2).join('') ?? ''}`));
}

for (const theme of ['light', 'dark'] as const) {
  test.describe(`accessibility, ${theme} theme`, () => {
    test.use({ colorScheme: theme, viewport: { width: 1440, height: 900 } });

    test('every screen and the dialogs that matter have no serious or critical axe violations', async ({ app, secretValues }) => {
      test.setTimeout(180_000);
      const check = async (screen: string) => {
        expect.soft(await seriousViolations(app), `${screen} (${theme})`).toEqual([]);
      };
      await check('Home');
      await prepareScreens(app, secretValues);
      await expect(app.locator('.app')).toHaveAttribute('data-applied-theme', theme);

      await check('Workbench with a response');
      const debuggerPane = app.getByRole('region', { name: 'Signature debugger' });
      await debuggerPane.locator('details.wb-compare > summary').click();
      await check('Signature debugger with compare open');
      await app.getByRole('region', { name: 'Response' }).getByRole('radio', { name: 'Hex' }).click();
      await check('Response as hex');

      await app.getByRole('button', { name: 'Copy as curl' }).click();
      await expect(app.getByRole('dialog')).toBeVisible();
      await check('Copy as curl dialog');
      await app.keyboard.press('Escape');
      await expect(app.getByRole('dialog')).toHaveCount(0);

      await nav(app, 'Vault');
      await app.getByRole('tab', { name: 'UAT' }).click();
      await check('Vault (UAT, missing secrets)');
      await app.getByRole('tab', { name: 'Sandbox' }).click();
      await check('Vault (Sandbox)');
      await app.getByRole('button', { name: /^Delete / }).first().click();
      await expect(app.getByRole('dialog')).toBeVisible();
      await check('Delete secret dialog');
      await app.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();

      await nav(app, 'Keys');
      await expect(app.getByRole('table', { name: /Keys in Sandbox/ })).toBeVisible();
      await check('Keys');

      await nav(app, 'Settings');
      await check('Settings');

      await runFlow(app);
      await check('Flows with a run');

      await openFlowEditor(app);
      await check('Flow editor');
    });
  });
}
