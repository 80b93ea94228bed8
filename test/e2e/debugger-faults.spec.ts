import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures.ts';
import { debuggerPane, diagnose, openRequest, openWorkbench, rawResponseBody, responsePane, sendAndWait, traceStep } from './support/debugger-setup.ts';

/**
 * The built-in sandbox made to misbehave like a misconfigured deployment (COUNTERSIGN_SANDBOX_FAULTS, test only):
 * the vault holds the right values, the gateway does something else, and the debugger must name what.
 */
type Paste = { kind: 'baseString' | 'signature' | 'xSignature'; text: string };
type Case = {
  title: string;
  faults: Record<string, unknown>;
  request: string;
  /** What the user copies from the gateway's answer (or, for a skewed clock, from our own trace). */
  paste: (app: Page) => Promise<Paste>;
  cause: string;
  /** Words the one-sentence diagnosis must hold. */
  says: RegExp;
  /** Edits the saved request first (Send saves it). */
  prepare?: (app: Page) => Promise<void>;
};

/** CENTAGATE's two orders differ only where optional fields are present: fill two of them in, as a browser integration would. */
async function withCentagateOptionals(app: Page): Promise<void> {
  await app.getByRole('region', { name: 'Request' }).getByRole('tab', { name: /^Body/ }).click();
  const editor = app.getByLabel('JSON body');
  const body = JSON.parse(await editor.inputValue()) as Record<string, string>;
  await editor.fill(JSON.stringify({ ...body, ipAddress: '127.0.0.1', userAgent: 'Countersign e2e' }, null, 2));
}

async function elecsnetBaseString(app: Page): Promise<Paste> {
  const text = /^sandbox-signature-base-string=(.+)$/m.exec(await rawResponseBody(app))?.[1];
  expect(text, 'the 403 quotes the base string the gateway signed').toBeDefined();
  return { kind: 'baseString', text: text ?? '' };
}

async function centagateConcatenation(app: Page): Promise<Paste> {
  const body = JSON.parse(await rawResponseBody(app)) as { code: string; message: string };
  expect(body.code).toBe('10004');
  const quoted = /It concatenated: (".*")$/.exec(body.message)?.[1];
  expect(quoted, 'the 10004 message quotes what the gateway concatenated').toBeDefined();
  return { kind: 'baseString', text: JSON.parse(quoted ?? '""') as string };
}

async function paynetExpected(app: Page): Promise<Paste> {
  const body = JSON.parse(await rawResponseBody(app)) as { sandboxDebug?: { signatureExpected?: string } };
  const expected = body.sandboxDebug?.signatureExpected;
  expect(expected, 'the 401 shows the X-Signature the gateway expected').toMatch(/^[0-9a-f]{64}$/);
  return { kind: 'xSignature', text: expected ?? '' };
}

/** A gateway whose clock is off refuses before it compares signatures: the user pastes the string from the gateway's log (equal to ours), or nothing. */
const nothing = (): Promise<Paste> => Promise.resolve({ kind: 'baseString', text: '' });
const ownString = (label: RegExp) => async (app: Page): Promise<Paste> => ({ kind: 'baseString', text: await traceStep(app, label) });

const SKEW = { clockSkewSeconds: 900 };
const CASES: Case[] = [
  // Wrong secret or key held by the gateway.
  { title: 'Elecsnet HMAC-SHA1, the gateway holds another control key', faults: { wrongSecret: ['elecsnet'] }, request: 'Sale (HMAC-SHA1)', paste: elecsnetBaseString, cause: 'key_differs', says: /elecsnet\.control_key/ },
  { title: 'Elecsnet RSA-SHA256, the gateway has another public key registered', faults: { wrongKey: ['elecsnet'] }, request: 'Sale (RSA-SHA256)', paste: elecsnetBaseString, cause: 'key_differs', says: /elecsnet\.merchant_private_key/ },
  { title: 'CENTAGATE, the gateway holds another secret key', faults: { wrongSecret: ['centagate'] }, request: 'authQRCode (transaction)', paste: centagateConcatenation, cause: 'key_differs', says: /centagate\.secret_key/ },
  { title: 'PayNet, the gateway checks X-Signature with another secret', faults: { paynetSignature: 'other-secret' }, request: 'Report status', paste: paynetExpected, cause: 'key_differs', says: /paynet\.client_secret/ },
  // A skewed clock.
  { title: 'Elecsnet HMAC-SHA1, the gateway clock 15 minutes ahead (nothing pasted)', faults: SKEW, request: 'Sale (HMAC-SHA1)', paste: nothing, cause: 'clock_skew', says: /clock|timestamp/i },
  { title: 'Elecsnet RSA-SHA256, the gateway clock 15 minutes ahead', faults: SKEW, request: 'Sale (RSA-SHA256)', paste: ownString(/^Signature base string$/), cause: 'clock_skew', says: /clock|timestamp/i },
  { title: 'CENTAGATE, the gateway clock 15 minutes ahead', faults: SKEW, request: 'authQRCode (transaction)', paste: ownString(/^String to sign$/), cause: 'clock_skew', says: /clock|timestamp/i },
  { title: 'PayNet, the gateway clock 15 minutes ahead (nothing pasted)', faults: SKEW, request: 'Report status', paste: nothing, cause: 'clock_skew', says: /clock|timestamp/i },
  // Field order and optional fields (CENTAGATE).
  { title: 'CENTAGATE, the gateway concatenates in the parameter table’s order', faults: { centagateOrder: 'parameter-table' }, request: 'authQRCode (transaction)', paste: centagateConcatenation, cause: 'field_order', says: /order/i, prepare: withCentagateOptionals },
  { title: 'CENTAGATE, the gateway concatenates absent optional fields as "null"', faults: { centagateAbsentAs: 'null' }, request: 'authQRCode (transaction)', paste: centagateConcatenation, cause: 'optional_null', says: /null/i },
  // Parameter encoding (Elecsnet, both signature methods).
  { title: 'Elecsnet HMAC-SHA1, the gateway encodes a space as +', faults: { encoding: 'plus-for-space' }, request: 'Sale (HMAC-SHA1)', paste: elecsnetBaseString, cause: 'encoding', says: /\+|%20|encod/i },
  { title: 'Elecsnet RSA-SHA256, the gateway encodes parameters twice', faults: { encoding: 'double' }, request: 'Sale (RSA-SHA256)', paste: elecsnetBaseString, cause: 'encoding', says: /encod/i },
  // PayNet signature over the wrong input.
  { title: 'PayNet, the gateway signs the timestamp in milliseconds', faults: { paynetSignature: 'timestamp-ms' }, request: 'Report status', paste: paynetExpected, cause: 'wrong_input', says: /milli/i },
];

for (const entry of CASES) {
  test.describe(`signature debugger names the cause: ${entry.title}`, () => {
    test.use({ hostEnv: { COUNTERSIGN_SANDBOX_FAULTS: JSON.stringify(entry.faults) } });

    test('the diagnosis sentence comes first, and the failed send stays in view', async ({ app, secretValues }) => {
      await openWorkbench(app, secretValues);
      await openRequest(app, entry.request);
      if (entry.prepare) await entry.prepare(app);
      await sendAndWait(app);
      await expect(responsePane(app).getByTestId('response-status')).toBeVisible();
      const traceBefore = await debuggerPane(app).getByTestId('signature-trace').allTextContents();

      const paste = await entry.paste(app);
      const result = await diagnose(app, paste.kind, paste.text);
      const diagnosis = result.getByTestId('diagnosis');
      await expect(diagnosis).toHaveAttribute('data-cause', entry.cause);
      await expect(result.getByTestId('diagnosis-sentence')).toContainText(entry.says);
      // The sentence precedes the diff in the result.
      const order = await diagnosis.evaluate((element) => {
        const sentence = element.querySelector('[data-testid="diagnosis-sentence"]');
        const diff = element.querySelector('[data-testid="compare-report"]');
        return sentence && diff ? sentence.compareDocumentPosition(diff) & Node.DOCUMENT_POSITION_FOLLOWING : 0;
      });
      expect(order).not.toBe(0);
      // Compare re-derived the recorded signature; it did not replace the trace of the send it explains.
      expect(await debuggerPane(app).getByTestId('signature-trace').allTextContents()).toEqual(traceBefore);
    });
  });
}

test.describe('signature debugger: a wrong secret at the token step, from the gateway side', () => {
  test.use({ hostEnv: { COUNTERSIGN_SANDBOX_FAULTS: JSON.stringify({ wrongSecret: ['paynet', 'momo'] }) } });

  test('PayNet and MoMo token refusals name the secret; History keeps each exchange', async ({ app, secretValues }) => {
    await openWorkbench(app, secretValues);
    for (const [request, secret] of [
      ['Report status', 'paynet.client_secret'],
      ['Request to pay', 'momo.api_key'],
    ] as const) {
      await openRequest(app, request);
      await sendAndWait(app);
      await expect(responsePane(app).getByTestId('failure-note')).toHaveAttribute('data-category', 'token_refused');
      await expect(responsePane(app).getByTestId('failure-cause')).toContainText(secret);
      const entry = app.getByRole('region', { name: 'History' }).getByTestId('history-entry').first();
      await expect(entry).toContainText(request);
      await expect(entry.getByTestId('history-status')).toContainText('Token refused');
      await entry.getByText('What was sent').click();
      await expect(entry.locator('[data-testid="exchange"][data-role="token"]')).toHaveCount(1);
    }
  });
});
