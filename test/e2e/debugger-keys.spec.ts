import { createHmac } from 'node:crypto';
import type { Page } from '@playwright/test';
import { SANDBOX_CREDENTIALS } from '../../main/sandbox/credentials.ts';
import { expect, test } from './support/fixtures.ts';
import {
  debuggerPane,
  diagnose,
  openRequest,
  openWorkbench,
  rawResponseBody,
  replaceSecret,
  responsePane,
  sendAndWait,
  strangerPrivateKeyPem,
  traceStep,
} from './support/debugger-setup.ts';

/** The base string an Elecsnet 403 quotes (the gateway's signature debug lines). */
async function elecsnetBaseString(app: Page): Promise<string> {
  const match = /^sandbox-signature-base-string=(.+)$/m.exec(await rawResponseBody(app));
  expect(match, 'the 403 quotes the base string the gateway signed').not.toBeNull();
  return match?.[1] ?? '';
}

/** The concatenation a CENTAGATE 10004 answer quotes. */
async function centagateConcatenation(app: Page): Promise<string> {
  const body = JSON.parse(await rawResponseBody(app)) as { code: string; message: string };
  expect(body.code).toBe('10004');
  const quoted = /It concatenated: (".*")$/.exec(body.message)?.[1];
  expect(quoted, 'the 10004 message quotes what the gateway concatenated').toBeDefined();
  return JSON.parse(quoted ?? '""') as string;
}

// The gateway signed the same string as we did, so the key is what differs: the debugger must say so, naming the key without its value.
test.describe('signature debugger: a wrong secret or key', () => {
  test('Elecsnet HMAC-SHA1 with a wrong control key: "key differs", by name, length and fingerprint; the failed send stays in view', async ({ app, secretValues }) => {
    await openWorkbench(app, secretValues);
    await replaceSecret(app, secretValues, 'Sandbox', 'elecsnet.control_key', 'FFFFFFFF-0000-4000-8000-0000000000AA');
    await openRequest(app, 'Sale (HMAC-SHA1)');
    await sendAndWait(app);
    await expect(responsePane(app).getByTestId('response-status')).toHaveText(/^403/);
    await expect(responsePane(app).getByTestId('failure-note')).toHaveAttribute('data-category', 'gateway_status');
    const pane = debuggerPane(app);
    const sentBaseString = await traceStep(app, /^Signature base string$/);

    const result = await diagnose(app, 'baseString', await elecsnetBaseString(app));
    await expect(result.getByTestId('diagnosis')).toHaveAttribute('data-cause', 'key_differs');
    await expect(result.getByTestId('diagnosis-sentence')).toContainText('elecsnet.control_key');
    await expect(result.getByTestId('secret-ref').first()).toContainText(/elecsnet\.control_key \(Sandbox\) · \d+ characters · sha256:[0-9a-f]+/);
    // Equal base strings are not a "match" when the gateway refused the signature.
    await expect(result.getByTestId('compare-report')).toContainText('No difference in what you pasted');
    await expect(result.getByTestId('compare-report')).not.toContainText('Matches.');
    // The diagnosis is about the send that failed: its trace is still the one shown.
    await expect(pane.getByTestId('exchange')).toHaveCount(1);
    expect(await traceStep(app, /^Signature base string$/)).toBe(sentBaseString);
    await expect(pane.getByTestId('compare-source')).toContainText('this send');
  });

  test('Elecsnet RSA-SHA256 with a key the gateway does not know: "key differs"', async ({ app, secretValues }) => {
    await openWorkbench(app, secretValues);
    await replaceSecret(app, secretValues, 'Sandbox', 'elecsnet.merchant_private_key', strangerPrivateKeyPem());
    await openRequest(app, 'Sale (RSA-SHA256)');
    await sendAndWait(app);
    await expect(responsePane(app).getByTestId('response-status')).toHaveText(/^403/);

    const result = await diagnose(app, 'baseString', await elecsnetBaseString(app));
    await expect(result.getByTestId('diagnosis')).toHaveAttribute('data-cause', 'key_differs');
    await expect(result.getByTestId('diagnosis-sentence')).toContainText('elecsnet.merchant_private_key');
  });

  test('CENTAGATE with a wrong secret key: "key differs"', async ({ app, secretValues }) => {
    await openWorkbench(app, secretValues);
    await replaceSecret(app, secretValues, 'Sandbox', 'centagate.secret_key', 'not-the-centagate-secret-91');
    await openRequest(app, 'authQRCode (transaction)');
    await sendAndWait(app);

    const result = await diagnose(app, 'baseString', await centagateConcatenation(app));
    await expect(result.getByTestId('diagnosis')).toHaveAttribute('data-cause', 'key_differs');
    await expect(result.getByTestId('diagnosis-sentence')).toContainText('centagate.secret_key');
  });
});

// "Try the variants": the gateway's expected signature is computed here with node:crypto the way a misconfigured gateway would.
test.describe('signature debugger: try the variants', () => {
  test('Elecsnet keyed with the bare control key (no "&"): the matching variant is marked', async ({ app, secretValues }) => {
    await openWorkbench(app, secretValues);
    await openRequest(app, 'Sale (HMAC-SHA1)');
    await sendAndWait(app);
    const baseString = await traceStep(app, /^Signature base string$/);
    expect(baseString).toMatch(/^POST&http%3A%2F%2F127\.0\.0\.1/);
    const expected = createHmac('sha1', SANDBOX_CREDENTIALS.elecsnet.controlKey).update(baseString).digest('base64');

    const result = await diagnose(app, 'signature', expected, 'Try the variants');
    const matching = result.locator('[data-testid="variant"][data-matches="true"]');
    await expect(matching).toHaveCount(1);
    await expect(matching).toContainText(/&/);
    expect(await result.getByTestId('variant').count()).toBeGreaterThan(1);
    await expect(result.getByTestId('variants-sentence')).not.toBeEmpty();
    // Keys appear by shape only.
    await expect(result).not.toContainText(SANDBOX_CREDENTIALS.elecsnet.controlKey);
  });

  test('PayNet X-Signature over the timestamp in milliseconds: the matching variant is marked', async ({ app, secretValues }) => {
    await openWorkbench(app, secretValues);
    await openRequest(app, 'Report status');
    await sendAndWait(app);
    await expect(responsePane(app).getByTestId('response-status')).toHaveText(/^2\d\d/);
    const call = debuggerPane(app).locator('[data-testid="exchange"][data-role="call"]');
    const sent = (await call.getByTestId('exchange-request').textContent()) ?? '';
    const timestamp = /X-Timestamp: (\d+)/i.exec(sent)?.[1];
    expect(timestamp).toMatch(/^\d{10}$/);
    const expected = createHmac('sha256', SANDBOX_CREDENTIALS.paynet.clientSecret).update(`${timestamp ?? ''}000`).digest('hex');

    const result = await diagnose(app, 'xSignature', expected, 'Try the variants');
    const matching = result.locator('[data-testid="variant"][data-matches="true"]');
    await expect(matching).toHaveCount(1);
    await expect(matching).toContainText(/milli/i);
  });
});

test.describe('signature debugger: a send picked in History', () => {
  test('Compare on an older, failed send from History re-derives that send, not the one in view', async ({ app, secretValues }) => {
    await openWorkbench(app, secretValues);
    await replaceSecret(app, secretValues, 'Sandbox', 'elecsnet.control_key', 'DDDDDDDD-0000-4000-8000-0000000000CC');
    await openRequest(app, 'Sale (HMAC-SHA1)');
    await sendAndWait(app);
    await expect(responsePane(app).getByTestId('response-status')).toHaveText(/^403/);
    const baseString = await elecsnetBaseString(app);
    // Another send comes after it (RSA does not use the control key, so it passes).
    await openRequest(app, 'Sale (RSA-SHA256)');
    await sendAndWait(app);
    await expect(responsePane(app).getByTestId('response-status')).toHaveText(/^2\d\d/);

    const entries = app.getByRole('region', { name: 'History' }).getByTestId('history-entry');
    await expect(entries).toHaveCount(2);
    await entries.nth(1).getByRole('button', { name: /^Compare the send of Sale \(HMAC-SHA1\)/ }).click();
    await expect(app.getByRole('tablist', { name: 'Open requests' }).getByRole('tab', { selected: true })).toContainText('Sale (HMAC-SHA1)');
    const pane = debuggerPane(app);
    await expect(pane.getByTestId('compare-source')).toContainText('the send picked in History');

    const result = await diagnose(app, 'baseString', baseString);
    await expect(result.getByTestId('diagnosis')).toHaveAttribute('data-cause', 'key_differs');
    await expect(result.getByTestId('diagnosis-sentence')).toContainText('elecsnet.control_key');
    await pane.getByRole('button', { name: 'Use this tab’s send instead' }).click();
    await expect(pane.getByTestId('compare-source')).not.toContainText('picked in History');
  });
});

test.describe('signature debugger: keyboard and screen readers', () => {
  test('Compare is reached, filled and run with the keyboard alone, and its result is announced', async ({ app, secretValues }) => {
    await openWorkbench(app, secretValues);
    await replaceSecret(app, secretValues, 'Sandbox', 'elecsnet.control_key', 'EEEEEEEE-0000-4000-8000-0000000000BB');
    await openRequest(app, 'Sale (HMAC-SHA1)');
    await sendAndWait(app);
    const baseString = await elecsnetBaseString(app);

    const pane = debuggerPane(app);
    const summary = pane.locator('details.wb-compare > summary');
    await summary.focus();
    // A refused send opens Compare by itself; a closed one opens with Enter.
    if ((await pane.locator('details.wb-compare').getAttribute('open')) === null) await app.keyboard.press('Enter');
    await app.keyboard.press('Tab');
    await expect(pane.getByLabel('What you pasted')).toBeFocused();
    await app.keyboard.press('Tab');
    await expect(pane.getByLabel('Expected base string', { exact: true })).toBeFocused();
    await app.keyboard.insertText(baseString);
    await app.keyboard.press('Tab');
    await expect(pane.getByLabel('Server Date (optional)')).toBeFocused();
    await app.keyboard.press('Enter');

    const live = pane.getByRole('status');
    await expect(live).toHaveAttribute('aria-live', 'polite');
    await expect(live.getByTestId('diagnosis-sentence')).toContainText('elecsnet.control_key', { timeout: 20_000 });
    // Every control of the panel has an accessible name.
    for (const control of await pane.locator('details.wb-compare').locator('button, select, textarea, input').all()) {
      expect(await control.evaluate((element) => (element as HTMLElement).innerText.trim() || element.getAttribute('aria-label') || (element.id && document.querySelector(`label[for="${element.id}"]`)?.textContent) || '')).not.toBe('');
    }
  });
});
