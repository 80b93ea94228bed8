import { SANDBOX_CREDENTIALS } from '../../main/sandbox/credentials.ts';
import { startSandbox } from '../../main/sandbox/index.ts';
import { expect, test } from './support/fixtures.ts';
import { SEEDED_SECRETS, createVault } from './support/vault-setup.ts';

const PASSPHRASE = 'provider page passphrase 42';
const VARIABLE = 'COUNTERSIGN_SECRET_UAT_PAYNET_CLIENT_SECRET';
const CI_VALUE = 'ci-variable-value-5be1c07d';

test.describe('secret providers on the Vault page', () => {
  // Browser mode reads the variables of the process it runs in, as it would on a CI runner.
  test.beforeAll(() => {
    process.env.COUNTERSIGN_SECRET_UAT_PAYNET_CLIENT_SECRET = CI_VALUE;
  });
  test.afterAll(() => {
    delete process.env.COUNTERSIGN_SECRET_UAT_PAYNET_CLIENT_SECRET;
  });

  test('turn on environment variables for one collection\'s UAT and see which provider serves its secret, never the value', async ({ app, secretValues }) => {
    secretValues.push(PASSPHRASE, CI_VALUE, ...SEEDED_SECRETS);
    await createVault(app, PASSPHRASE);
    await app.getByRole('tab', { name: 'UAT' }).click();
    const panel = app.getByTestId('secret-providers');
    await expect(panel.getByRole('heading', { name: 'Secret providers for UAT' })).toBeVisible();
    const paynet = panel.getByTestId('providers-PayNet OSP');
    const served = paynet.getByRole('table', { name: /Which provider serves each secret of PayNet OSP/ });
    await expect(served.getByRole('row', { name: /paynet\.client_secret/ })).toContainText('not found');

    await paynet.getByLabel('Environment variables (CI)').check();
    await paynet.getByRole('button', { name: 'Save providers' }).click();
    const row = served.getByRole('row', { name: /paynet\.client_secret/ });
    await expect(row).toContainText('Environment variable');
    await expect(row).toContainText(VARIABLE);
    await expect(paynet).toContainText('COUNTERSIGN_SECRET_UAT_<NAME>');
    // Only this collection's UAT changed.
    await expect(panel.getByTestId('providers-MTN MoMo').getByLabel('Environment variables (CI)')).not.toBeChecked();

    await paynet.getByLabel('pass', { exact: true }).check();
    await paynet.getByLabel('pass prefix').fill('team/paynet-uat');
    await paynet.getByRole('button', { name: 'Save providers' }).click();
    await expect(paynet).toContainText('pass team/paynet-uat/<name>');

    await app.reload();
    await app.getByRole('navigation').getByRole('button', { name: 'Vault' }).click();
    await app.getByRole('tab', { name: 'UAT' }).click();
    const again = app.getByTestId('secret-providers').getByTestId('providers-PayNet OSP');
    await expect(again.getByLabel('Environment variables (CI)')).toBeChecked();
    await expect(again.getByLabel('pass prefix')).toHaveValue('team/paynet-uat');
    expect(await app.content()).not.toContain(CI_VALUE);
  });
});

test.describe('a send whose secret comes from an environment variable', () => {
  test.beforeAll(() => {
    process.env.COUNTERSIGN_SECRET_UAT_PAYNET_CLIENT_SECRET = SANDBOX_CREDENTIALS.paynet.clientSecret;
  });
  test.afterAll(() => {
    delete process.env.COUNTERSIGN_SECRET_UAT_PAYNET_CLIENT_SECRET;
  });

  test('the signature debugger names the provider and the variable that served each secret, never the value', async ({ app, secretValues }) => {
    secretValues.push(PASSPHRASE, ...SEEDED_SECRETS);
    // A deployment of its own, so UAT points somewhere real without the vault holding UAT's secret.
    const sandbox = await startSandbox({});
    try {
      await createVault(app, PASSPHRASE);
      await app.getByRole('tab', { name: 'UAT' }).click();
      const paynet = app.getByTestId('secret-providers').getByTestId('providers-PayNet OSP');
      await paynet.getByLabel('Environment variables (CI)').check();
      await paynet.getByRole('button', { name: 'Save providers' }).click();
      await expect(paynet.getByRole('row', { name: /paynet\.client_secret/ })).toContainText(VARIABLE);

      await app.getByRole('navigation').getByRole('button', { name: 'Workbench' }).click();
      await app.locator('[data-testid="tree-row"][data-name="Request a report"] .wb-row-name').click();
      const bar = app.getByTestId('environment-bar');
      await bar.getByRole('radio', { name: 'UAT' }).click();
      await bar.getByRole('button', { name: 'Variables…' }).click();
      const dialog = app.getByRole('dialog');
      const values: Record<string, string> = { baseUrl: `${sandbox.url}/osp`, tokenUrl: `${sandbox.url}/osp/token`, clientId: SANDBOX_CREDENTIALS.paynet.clientId };
      const count = await dialog.getByLabel(/^Variable \d+ name$/).count();
      const named = new Set<string>();
      for (let index = 1; index <= count; index++) {
        const name = await dialog.getByLabel(`Variable ${index} name`).inputValue();
        const value = values[name];
        if (value === undefined) continue;
        await dialog.getByLabel(`Variable ${index} value`).fill(value);
        named.add(name);
      }
      expect([...named].sort()).toEqual(Object.keys(values).sort());
      await dialog.getByRole('button', { name: 'Save environment' }).click();

      await app.getByRole('button', { name: 'Send', exact: true }).click();
      await expect(app.getByTestId('response-status')).toHaveText(/^20\d/, { timeout: 15_000 });
      const sources = app.getByRole('region', { name: 'Signature debugger' }).getByTestId('secret-sources');
      await expect(sources).toContainText('paynet.client_secret from environment variable');
      await expect(sources).toContainText(VARIABLE);
    } finally {
      await sandbox.close();
    }
  });
});
