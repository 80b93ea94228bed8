import { SANDBOX_CREDENTIALS } from '../../main/sandbox/credentials.ts';
import { expect, test } from './support/fixtures.ts';
import { debuggerPane, openRequest, openWorkbench, replaceSecret, responsePane, sendAndWait } from './support/debugger-setup.ts';

// A chain that fails at its token step: the user must see that step (request as sent, answer, trace, cause), never a bare error.
test.describe('signature debugger: a refused token step', () => {
  test('a wrong PayNet client secret: the token exchange with its cause, in the response, the debugger, History and Sign without sending', async ({ app, secretValues }) => {
    await openWorkbench(app, secretValues);
    await replaceSecret(app, secretValues, 'Sandbox', 'paynet.client_secret', 'wrong-osp-secret-5b1e77c2');
    await openRequest(app, 'Request a report');
    await sendAndWait(app);

    // The response pane holds the token endpoint's answer and the cause, not an empty pane with a red raw-JSON banner.
    const response = responsePane(app);
    await expect(response.getByTestId('response-error')).toHaveCount(0);
    await expect(response.getByTestId('failure-note')).toHaveAttribute('data-category', 'token_refused');
    await expect(response.getByTestId('failure-cause')).toContainText('paynet.client_secret');
    await expect(response.getByTestId('failure-cause')).toContainText('Sandbox');
    await expect(response.getByTestId('response-status')).toHaveText(/^401/);
    await expect(response.getByTestId('response-body')).toContainText('invalid_client');

    // The debugger shows that token exchange: request as sent (secret replaced), its answer and its trace.
    const pane = debuggerPane(app);
    const exchange = pane.getByTestId('exchange');
    await expect(exchange).toHaveCount(1);
    await expect(exchange).toHaveAttribute('data-role', 'token');
    await expect(exchange).toHaveAttribute('data-status', '401');
    await expect(exchange.getByTestId('exchange-request')).toContainText('POST http://127.0.0.1:');
    await expect(exchange.getByTestId('exchange-request')).toContainText('client_secret=[redacted]');
    await expect(exchange.getByTestId('exchange-body')).toContainText('invalid_client');
    await expect(exchange.getByTestId('signature-trace').first()).toBeVisible();

    // History files it as a refused token with the exchange, not as "nothing was sent".
    const entry = app.getByRole('region', { name: 'History' }).getByTestId('history-entry').first();
    await expect(entry).toContainText('Request a report');
    await expect(entry.getByTestId('history-status')).toContainText('Token refused');
    await expect(entry.getByTestId('history-cause')).toContainText('paynet.client_secret');
    await entry.getByText('What was sent').click();
    const recorded = entry.getByTestId('exchange');
    await expect(recorded).toHaveCount(1);
    await expect(recorded).toHaveAttribute('data-role', 'token');
    await expect(recorded.getByTestId('exchange-request')).toContainText('client_secret=[redacted]');
    await expect(recorded.getByTestId('exchange-body')).toContainText('invalid_client');
    await expect(entry).not.toContainText('Nothing was sent');

    // "Sign without sending" reports the same failure and says the token request really went out.
    await pane.getByRole('button', { name: 'Sign without sending' }).click();
    await expect(pane.getByTestId('sign-note')).toContainText(/token/i);
    await expect(pane.getByTestId('failure-note').first()).toHaveAttribute('data-category', 'token_refused');
    await expect(pane.getByTestId('failure-cause').first()).toContainText('paynet.client_secret');
    await expect(pane.getByTestId('exchange').first().getByTestId('exchange-body')).toContainText('invalid_client');
  });

  test('a wrong MoMo API key: the token step is shown refused and names the key', async ({ app, secretValues }) => {
    const wrongKey = '0123456789abcdef0123456789abcdef';
    // The Basic credential carries the key with the user id: that encoding must never reach the page either.
    secretValues.push(Buffer.from(`${SANDBOX_CREDENTIALS.momo.apiUser}:${wrongKey}`).toString('base64'));
    await openWorkbench(app, secretValues);
    await replaceSecret(app, secretValues, 'Sandbox', 'momo.api_key', wrongKey);
    await openRequest(app, 'Request to pay');
    await sendAndWait(app);

    const response = responsePane(app);
    await expect(response.getByTestId('failure-note')).toHaveAttribute('data-category', 'token_refused');
    await expect(response.getByTestId('failure-cause')).toContainText('momo.api_key');
    await expect(response.getByTestId('response-status')).toHaveText(/^401/);
    const exchange = debuggerPane(app).getByTestId('exchange');
    await expect(exchange).toHaveCount(1);
    await expect(exchange).toHaveAttribute('data-role', 'token');
    // Basic credentials of the token request are never shown.
    await expect(exchange.getByTestId('exchange-request')).toContainText(/Authorization: Basic \[redacted\]|Authorization: \[redacted\]/);
    const entry = app.getByRole('region', { name: 'History' }).getByTestId('history-entry').first();
    await expect(entry.getByTestId('history-status')).toContainText('Token refused');
  });
});
