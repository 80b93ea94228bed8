import { expect, test } from './support/fixtures.ts';
import { SEEDED_SECRETS, createVault } from './support/vault-setup.ts';

const PASSPHRASE = 'missing secrets passphrase 7';
const VARIABLE = 'COUNTERSIGN_SECRET_UAT_MOMO_API_KEY';
const CI_VALUE = 'ci-momo-api-key-3f1e2d';
const NEW_VALUE = 'uat-paynet-client-secret-a71c44';

test.describe('Vault screen: secrets the collections use, and which are missing', () => {
  // Browser mode reads the variables of the process it runs in, as on a CI runner.
  test.beforeAll(() => {
    process.env.COUNTERSIGN_SECRET_UAT_MOMO_API_KEY = CI_VALUE;
  });
  test.afterAll(() => {
    delete process.env.COUNTERSIGN_SECRET_UAT_MOMO_API_KEY;
  });

  test('Sandbox has every sample secret; UAT lists them missing, and "Add" fills the form with the name', async ({ app, secretValues }) => {
    secretValues.push(PASSPHRASE, CI_VALUE, NEW_VALUE, ...SEEDED_SECRETS);
    await createVault(app, PASSPHRASE);

    const panel = app.getByTestId('vault-referenced');
    await app.getByRole('tab', { name: 'Sandbox' }).click();
    await expect(panel.getByTestId('referenced-row').first()).toBeVisible();
    await expect(panel.locator('[data-testid=referenced-row][data-state=missing]')).toHaveCount(0);
    await expect(panel.getByTestId('referenced-row').filter({ hasText: 'paynet.client_secret' })).toContainText('In the vault');
    await expect(panel.getByTestId('referenced-row').filter({ hasText: 'paynet.client_secret' })).toContainText('PayNet OSP');

    await app.getByRole('tab', { name: 'UAT' }).click();
    const paynet = panel.getByTestId('referenced-row').filter({ hasText: 'paynet.client_secret' });
    await expect(paynet).toHaveAttribute('data-state', 'missing');
    await expect(panel.getByTestId('vault-referenced-summary')).toContainText('missing');

    await paynet.getByRole('button', { name: 'Add paynet.client_secret to UAT' }).click();
    await expect(app.getByLabel('Name', { exact: true })).toHaveValue('paynet.client_secret');
    await expect(app.getByRole('heading', { name: 'Add a secret to UAT' })).toBeVisible();
    await expect(app.getByLabel('Value', { exact: true })).toBeFocused();
    await app.getByLabel('Value', { exact: true }).fill(NEW_VALUE);
    await app.getByRole('button', { name: 'Add secret' }).click();
    await expect(paynet).toHaveAttribute('data-state', 'present');
    await expect(paynet).toContainText('In the vault');
    await expect(paynet.getByRole('button')).toHaveCount(0);
    await expect(app.getByTestId('secret-row').filter({ hasText: 'paynet.client_secret' })).toHaveCount(1);

    // A CI variable counts once the collection's UAT reads variables.
    const momo = panel.getByTestId('referenced-row').filter({ hasText: 'momo.api_key' });
    await expect(momo).toHaveAttribute('data-state', 'missing');
    await app.getByTestId('secret-providers').getByTestId('providers-MTN MoMo').getByLabel('Environment variables (CI)').check();
    await app.getByTestId('secret-providers').getByTestId('providers-MTN MoMo').getByRole('button', { name: 'Save providers' }).click();
    await expect(momo).toHaveAttribute('data-state', 'present');
    await expect(momo).toContainText(VARIABLE);

    expect(await app.content()).not.toContain(CI_VALUE);
    expect(await app.content()).not.toContain(NEW_VALUE);
  });
});
