import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures.ts';
import { createVault } from './support/vault-setup.ts';

const PASSPHRASE = 'correct horse battery staple';
const ROW = '[data-testid="tree-row"]';

/** A new vault is seeded with the sandbox credentials, so samples can be sent right after this. */
async function setUpVaultAndOpenWorkbench(app: Page, secretValues: string[]) {
  secretValues.push(PASSPHRASE);
  await createVault(app, PASSPHRASE);
  await app.getByRole('button', { name: 'Workbench' }).click();
  await expect(app.locator(`${ROW}[data-kind="collection"]`)).toHaveCount(4);
}

const row = (app: Page, name: string) => app.locator(`${ROW}[data-name="${name}"]`);

async function openRequest(app: Page, name: string) {
  await row(app, name).locator('.wb-row-name').click();
  await expect(app.getByRole('tablist', { name: 'Open requests' }).getByRole('tab', { selected: true, name: new RegExp(escape(name)) })).toBeVisible();
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Counts the renderer's requests:send calls: what leaves the page is what main could send. */
function countSendCalls(app: Page): { count: () => number } {
  let sends = 0;
  app.on('request', (request) => {
    if (decodeURIComponent(request.url()).includes('/api/invoke/requests:send')) sends++;
  });
  return { count: () => sends };
}

test.describe('workbench in browser mode', () => {
  test('every first-run sample succeeds against the built-in sandbox, for all four gateways', async ({ app, secretValues }) => {
    await setUpVaultAndOpenWorkbench(app, secretValues);
    const names = await app.locator(`${ROW}[data-kind="request"]`).evaluateAll((rows) => rows.map((element) => element.getAttribute('data-name') ?? ''));
    expect(names).toHaveLength(13);
    const seen: string[] = [];
    for (const name of names) {
      await openRequest(app, name);
      await expect(app.getByTestId('environment-bar').getByRole('radio', { checked: true })).toHaveText('Sandbox');
      await app.getByRole('button', { name: 'Send', exact: true }).click();
      const status = app.getByTestId('response-status');
      await expect(status).toBeVisible({ timeout: 15_000 });
      seen.push(`${name}: ${(await status.textContent()) ?? ''}`);
      // CENTAGATE answers 200 with a result code; "0" is success.
      if (name.startsWith('authQRCode')) await expect(app.getByTestId('response-body')).toContainText('"code": "0"');
    }
    expect(seen).toEqual(names.map((name) => expect.stringMatching(new RegExp(`^${escape(name)}: 2\\d\\d`))));
  });

  test('create, rename, edit and save, duplicate, move, delete and undo', async ({ app, secretValues }) => {
    await setUpVaultAndOpenWorkbench(app, secretValues);
    await app.getByRole('button', { name: 'Actions for PayNet OSP' }).click();
    await app.getByRole('menuitem', { name: 'New request' }).click();
    const rename = app.getByLabel('New name for New request');
    await rename.fill('Balance check');
    await rename.press('Enter');
    await expect(row(app, 'Balance check')).toHaveCount(1);
    await expect(app.getByRole('tablist', { name: 'Open requests' }).getByRole('tab', { selected: true })).toContainText('Balance check');

    const tab = app.getByTestId('request-tab').filter({ hasText: 'Balance check' });
    await expect(tab.getByTestId('unsaved-marker')).toHaveCount(0);
    await app.getByLabel('URL').fill('{{baseUrl}}/balance/{{accountNo}}');
    await expect(tab.getByTestId('unsaved-marker')).toBeVisible();
    await expect(app.getByTestId('unresolved')).toContainText('{{accountNo}}');
    await expect(app.getByTestId('unresolved')).not.toContainText('baseUrl');
    await app.getByLabel('URL').press('Control+s');
    await expect(tab.getByTestId('unsaved-marker')).toHaveCount(0);
    // Saved means saved in main: a reload shows the URL.
    await app.reload();
    await app.getByRole('button', { name: 'Workbench' }).click();
    await openRequest(app, 'Balance check');
    await expect(app.getByLabel('URL')).toHaveValue('{{baseUrl}}/balance/{{accountNo}}');

    await app.getByRole('button', { name: 'Actions for Balance check' }).click();
    await app.getByRole('menuitem', { name: 'Duplicate' }).click();
    await expect(app.locator(`${ROW}[data-name^="Balance check"]`)).toHaveCount(2);

    await app.getByRole('button', { name: 'Actions for Balance check', exact: true }).click();
    await app.getByRole('menuitem', { name: 'Move to…' }).click();
    await app.getByRole('dialog').getByLabel('Destination').selectOption({ label: 'MTN MoMo' });
    await app.getByRole('dialog').getByRole('button', { name: 'Move here' }).click();
    await openRequest(app, 'Balance check');
    await expect(app.getByTestId('environment-bar')).toContainText('MTN MoMo');

    await app.getByRole('button', { name: 'Actions for Balance check', exact: true }).click();
    await app.getByRole('menuitem', { name: 'Delete' }).click();
    await expect(row(app, 'Balance check')).toHaveCount(0);
    await app.getByTestId('undo-toast').getByRole('button', { name: 'Undo' }).click();
    await expect(row(app, 'Balance check')).toHaveCount(1);

    // Drag the copy onto another collection: it moves there.
    const copy = app.locator(`${ROW}[data-name^="Balance check"]:not([data-name="Balance check"])`);
    const copyName = (await copy.getAttribute('data-name')) ?? '';
    await copy.dragTo(row(app, 'CENTAGATE'));
    await openRequest(app, copyName);
    await expect(app.getByTestId('environment-bar')).toContainText('CENTAGATE');

    // Closing a tab with unsaved edits asks first.
    await app.getByLabel('URL').fill('http://127.0.0.1:9/not-saved');
    await app.getByRole('button', { name: `Close ${copyName}` }).click();
    await app.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
    await expect(app.getByTestId('request-tab').filter({ hasText: copyName }).getByTestId('unsaved-marker')).toBeVisible();
    await app.getByRole('button', { name: `Close ${copyName}` }).click();
    await app.getByRole('dialog').getByRole('button', { name: 'Discard changes' }).click();
    await expect(app.getByTestId('request-tab').filter({ hasText: copyName })).toHaveCount(0);
  });

  test('the keyboard drives the tree, saving and sending', async ({ app, secretValues }) => {
    await setUpVaultAndOpenWorkbench(app, secretValues);
    const tree = app.getByRole('tree', { name: 'Requests' });
    // Focus puts the first row under the cursor (the ARIA tree pattern); one step down is the first request.
    await tree.focus();
    await tree.press('ArrowDown');
    await tree.press('Enter');
    await expect(app.getByRole('tablist', { name: 'Open requests' }).getByRole('tab', { selected: true })).toContainText('Get access token');
    await tree.press('ArrowUp');
    await tree.press('ArrowLeft');
    await expect(row(app, 'Get access token')).toHaveCount(0);
    await tree.press('ArrowRight');
    await tree.press('ArrowDown');
    await tree.press('ArrowDown');
    await tree.press('F2');
    const rename = app.getByLabel('New name for Request a report');
    await rename.fill('Monthly report');
    await rename.press('Enter');
    await expect(row(app, 'Monthly report')).toHaveCount(1);

    await app.getByLabel('URL').fill('{{tokenUrl}}?probe=1');
    await app.keyboard.press('Control+s');
    await expect(app.getByTestId('unsaved-marker')).toHaveCount(0);
    await app.keyboard.press('Control+Enter');
    await expect(app.getByTestId('response-status')).toBeVisible();
  });

  test('the editor validates JSON as you type, and secret fields offer vault names only and store a reference', async ({ app, secretValues }) => {
    await setUpVaultAndOpenWorkbench(app, secretValues);
    await openRequest(app, 'Request to pay');
    await app.getByRole('tab', { name: /^Body/ }).click();
    const body = app.getByLabel('JSON body');
    const original = await body.inputValue();
    await body.fill('{ "amount": 5.00, ');
    await expect(app.getByTestId('json-problem')).toBeVisible();
    await body.fill(original);
    await expect(app.getByTestId('json-problem')).toHaveCount(0);

    await app.getByRole('tab', { name: 'Auth' }).click();
    await expect(app.getByTestId('inherited-auth')).toContainText('MTN MoMo');
    await app.getByRole('radio', { name: 'Own chain of steps' }).click();
    await app.getByLabel('Scheme of step 1').selectOption({ label: 'Basic' });
    await app.getByLabel('Username').fill('{{apiUser}}');
    const password = app.getByLabel('Password');
    await expect(password.locator('option')).toContainText(['— none —', 'momo.api_key', 'momo.subscription_key']);
    await password.selectOption('momo.api_key');
    await app.getByLabel('URL').press('Control+s');
    await expect(app.getByTestId('unsaved-marker')).toHaveCount(0);

    await app.reload();
    await app.getByRole('button', { name: 'Workbench' }).click();
    await openRequest(app, 'Request to pay');
    await app.getByRole('tab', { name: 'Auth' }).click();
    await expect(app.getByLabel('Password')).toHaveValue('momo.api_key');
    await expect(app.getByLabel('Username')).toHaveValue('{{apiUser}}');

    // A collection's own auth, which its requests inherit, is edited from its menu.
    await app.getByRole('button', { name: 'Actions for CENTAGATE' }).click();
    await app.getByRole('menuitem', { name: 'Auth…' }).click();
    const dialog = app.getByRole('dialog', { name: 'Auth for CENTAGATE' });
    await expect(dialog.getByRole('radio', { name: 'Own chain of steps' })).toBeChecked();
    await expect(dialog.getByLabel('Scheme of step 1')).toHaveValue('hmac-fields');
    await expect(dialog.getByLabel('Key')).toHaveValue('centagate.secret_key');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
  });

  test('export a collection: a versioned JSON file naming its secrets, never holding their values', async ({ app, secretValues }) => {
    await setUpVaultAndOpenWorkbench(app, secretValues);
    await app.getByRole('button', { name: 'Actions for Elecsnet' }).click();
    const download = app.waitForEvent('download');
    await app.getByRole('menuitem', { name: 'Export…' }).click();
    const file = await download;
    const text = await readFile(await file.path(), 'utf8');
    // No file bodies in it: written as version 2, which the release before them reads too.
    expect(JSON.parse(text)).toMatchObject({ format: 'countersign.collection', version: 2 });
    expect(text).toContain('{{secret:elecsnet.merchant_private_key}}');
    expect(text).not.toContain('PRIVATE KEY-----');
    expect(file.suggestedFilename()).toMatch(/\.json$/);
  });

  test('a send to Production asks first, and cancelling sends nothing; switching environment never sends', async ({ app, secretValues }) => {
    await setUpVaultAndOpenWorkbench(app, secretValues);
    const sends = countSendCalls(app);
    await openRequest(app, 'Get access token');
    const environments = app.getByTestId('environment-bar');
    await environments.getByRole('radio', { name: /Production/ }).click();
    await expect(app.getByTestId('protected-badge')).toBeVisible();
    await environments.getByRole('radio', { name: 'Sandbox' }).click();
    await environments.getByRole('radio', { name: /Production/ }).click();
    expect(sends.count()).toBe(0);

    await app.getByLabel('URL').press('Control+Enter');
    const guard = app.getByRole('dialog');
    await expect(guard).toContainText('Production');
    await expect(guard).toContainText('Get access token');
    await guard.getByRole('button', { name: 'Cancel' }).click();
    await expect(guard).toHaveCount(0);
    await expect(app.getByTestId('response-empty')).toBeVisible();
    await app.waitForTimeout(300);
    expect(sends.count()).toBe(0);

    await environments.getByRole('radio', { name: 'Sandbox' }).click();
    await app.getByRole('button', { name: 'Send', exact: true }).click();
    await expect(app.getByTestId('response-status')).toHaveText(/^2\d\d/);
    expect(sends.count()).toBe(1);
  });

  test('the production guard at a loopback server: cancel reaches nothing, confirm sends once, and may be remembered for the session', async ({ app, secretValues }) => {
    const hits: string[] = [];
    const server = createServer((request, response) => {
      hits.push(`${request.method ?? ''} ${request.url ?? ''}`);
      response.setHeader('content-type', 'application/json');
      response.end('{"live":true}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}/live`;
    try {
      await setUpVaultAndOpenWorkbench(app, secretValues);
      await app.getByRole('button', { name: '+ Collection' }).click();
      const rename = app.getByLabel('New name for New collection');
      await rename.fill('Live shop');
      await rename.press('Enter');
      await app.getByRole('button', { name: 'Actions for Live shop' }).click();
      await app.getByRole('menuitem', { name: 'New request' }).click();
      await app.getByLabel('New name for New request').press('Enter');
      await app.getByLabel('URL').fill(url);
      await app.getByTestId('environment-bar').getByRole('radio', { name: /Production/ }).click();

      await app.getByRole('button', { name: 'Send', exact: true }).click();
      const guard = app.getByRole('dialog');
      await expect(guard).toContainText('Send New request to Production?');
      await guard.getByRole('button', { name: 'Cancel' }).click();
      await expect(app.getByTestId('response-empty')).toBeVisible();
      // Nothing may reach the server, not even the token or a preflight.
      await app.waitForTimeout(300);
      expect(hits).toEqual([]);

      await app.getByRole('button', { name: 'Send', exact: true }).click();
      await guard.getByLabel(/Don’t ask again/).check();
      await guard.getByRole('button', { name: 'Send to Production' }).click();
      await expect(app.getByTestId('response-status')).toHaveText(/^200/);
      expect(hits).toEqual(['GET /live']);

      await app.getByLabel('URL').press('Control+Enter');
      await expect.poll(() => hits.length).toBe(2);
      await expect(app.getByRole('dialog')).toHaveCount(0);

      // A new environment named like a live one starts protected and is guarded too.
      await app.getByRole('button', { name: 'New environment' }).click();
      await app.getByRole('dialog').getByLabel('Name').fill('Live EU');
      await expect(app.getByRole('dialog').getByLabel(/Protected/)).toBeChecked();
      await app.getByRole('dialog').getByRole('button', { name: 'Create environment' }).click();
      await expect(app.getByTestId('environment-bar').getByRole('radio', { checked: true })).toHaveText('Live EU (protected)');
      await app.getByRole('button', { name: 'Send', exact: true }).click();
      await expect(app.getByRole('dialog')).toContainText('Send New request to Live EU?');
      await app.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
      await app.waitForTimeout(300);
      expect(hits).toHaveLength(2);
    } finally {
      server.close();
    }
  });

  test('the response viewer: HTML as text, never rendered; binary as hex; JSON folds; headers and timing', async ({ app, secretValues }) => {
    const server = createServer((request, response) => {
      if (request.url === '/page') {
        response.setHeader('content-type', 'text/html');
        response.end('<h1 data-testid="injected">Hello</h1><img src=x onerror="document.title=1">');
      } else if (request.url === '/bin') {
        response.setHeader('content-type', 'application/octet-stream');
        response.end(Buffer.from([0, 1, 2, 0xff, 0x41, 0x42]));
      } else {
        response.setHeader('content-type', 'application/json');
        response.setHeader('x-trace', 'abc123');
        response.end(JSON.stringify({ order: { id: 'o-1', items: [1, 2] } }));
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`;
    try {
      await setUpVaultAndOpenWorkbench(app, secretValues);
      await app.getByRole('button', { name: 'Actions for CENTAGATE' }).click();
      await app.getByRole('menuitem', { name: 'New request' }).click();
      await app.getByLabel('New name for New request').press('Enter');
      await app.getByRole('tab', { name: 'Auth' }).click();
      await app.getByRole('radio', { name: 'No auth' }).click();
      const body = app.getByTestId('response-body');

      await app.getByLabel('URL').fill(`${base}/page`);
      await app.getByLabel('URL').press('Control+Enter');
      await expect(body).toContainText('<h1 data-testid="injected">Hello</h1>');
      await expect(app.getByTestId('injected')).toHaveCount(0);

      await app.getByLabel('URL').fill(`${base}/bin`);
      await app.getByLabel('URL').press('Control+Enter');
      await expect(body).toContainText('00000000  00 01 02 ff 41 42');
      const download = app.waitForEvent('download');
      await app.getByRole('button', { name: 'Save response as…' }).click();
      const file = await download;
      expect(file.suggestedFilename()).toBe('bin');
      expect([...(await readFile(await file.path()))]).toEqual([0, 1, 2, 0xff, 0x41, 0x42]);

      await app.getByLabel('URL').fill(`${base}/json`);
      await app.getByLabel('URL').press('Control+Enter');
      const leaf = body.getByText('"o-1"');
      await expect(leaf).toBeVisible();
      await body.locator('summary', { hasText: '"order"' }).click();
      await expect(leaf).toBeHidden();
      const response = app.getByRole('region', { name: 'Response', exact: true });
      await response.getByRole('tab', { name: /^Headers \(/ }).click();
      await expect(response).toContainText('abc123');
      await response.getByRole('tab', { name: 'Timing' }).click();
      await expect(app.getByTestId('timing')).toContainText('First byte');
    } finally {
      server.close();
    }
  });

  test('a 200 MB body waits in a temporary file until "Save as…" moves it into the downloads folder, with the SHA-256 the viewer shows', async ({ app, secretValues, dataDir }) => {
    const downloads = join(dataDir, 'downloads');
    const chunk = Buffer.alloc(1024 * 1024);
    for (let i = 0; i < chunk.length; i++) chunk[i] = (i * 31) % 251;
    const chunks = 200;
    const expected = createHash('sha256');
    for (let i = 0; i < chunks; i++) expected.update(chunk);
    const sha256 = expected.digest('hex');
    const server = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': String(chunk.length * chunks) });
      let sent = 0;
      const pump = () => {
        while (sent < chunks) {
          sent++;
          if (!response.write(chunk)) return void response.once('drain', pump);
        }
        response.end();
      };
      pump();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      await setUpVaultAndOpenWorkbench(app, secretValues);
      await app.getByRole('button', { name: 'Actions for CENTAGATE' }).click();
      await app.getByRole('menuitem', { name: 'New request' }).click();
      await app.getByLabel('New name for New request').press('Enter');
      await app.getByLabel('URL').fill(`http://127.0.0.1:${String((server.address() as AddressInfo).port)}/big.bin`);
      await app.getByRole('tab', { name: 'Auth' }).click();
      await app.getByRole('radio', { name: 'No auth' }).click();
      await app.getByRole('tab', { name: 'Settings' }).click();
      await app.getByLabel('Save the body to a file').check();
      await app.getByRole('button', { name: 'Send', exact: true }).click();
      const spilled = app.getByTestId('spilled-file');
      await expect(spilled).toContainText(sha256, { timeout: 30_000 });
      // Nothing reached the downloads folder on its own.
      expect(await readdir(downloads)).toEqual([]);
      // Sending again replaces the response: its temporary file goes, no "(1)" copy appears anywhere.
      await app.getByRole('button', { name: 'Send', exact: true }).click();
      await expect(app.getByTestId('spilled-file')).toContainText(sha256, { timeout: 30_000 });
      await expect.poll(async () => (await readdir(join(dataDir, 'spill'), { recursive: true })).filter((name) => name.endsWith('.bin'))).toEqual([expect.stringMatching(/big\.bin$/)]);
      await app.getByTestId('spilled-file').getByRole('button', { name: 'Save as…' }).click();
      await app.getByLabel('File name').fill('big-copy.bin');
      await app.getByTestId('spilled-file').getByRole('button', { name: 'Save', exact: true }).click();
      const saved = app.getByTestId('saved-file');
      await expect(saved).toContainText(join(downloads, 'big-copy.bin'));
      await expect(saved).toContainText(sha256);
      const path = join(downloads, 'big-copy.bin');
      expect((await stat(path)).size).toBe(chunk.length * chunks);
      const onDisk = createHash('sha256');
      await pipeline(createReadStream(path), onDisk);
      expect(onDisk.digest('hex')).toBe(sha256);
      expect(await readdir(downloads)).toEqual(['big-copy.bin']);
      expect((await readdir(join(dataDir, 'spill'), { recursive: true })).filter((name) => name.endsWith('.bin'))).toEqual([]);
    } finally {
      server.close();
    }
  });

  test('a slow download shows progress and Cancel stops it', async ({ app, secretValues }) => {
    const total = 8 * 1024 * 1024;
    let closed = false;
    const server = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': String(total) });
      const chunk = Buffer.alloc(64 * 1024, 7);
      // About 640 KB a second: long enough to watch and cancel.
      const timer = setInterval(() => response.write(chunk), 100);
      response.on('close', () => {
        clearInterval(timer);
        closed = true;
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      await setUpVaultAndOpenWorkbench(app, secretValues);
      await app.getByRole('button', { name: 'Actions for CENTAGATE' }).click();
      await app.getByRole('menuitem', { name: 'New request' }).click();
      const rename = app.getByLabel('New name for New request');
      await rename.fill('Slow file');
      await rename.press('Enter');
      await app.getByLabel('URL').fill(`http://127.0.0.1:${String((server.address() as AddressInfo).port)}/file`);
      await app.getByRole('tab', { name: 'Auth' }).click();
      await app.getByRole('radio', { name: 'No auth' }).click();
      await app.getByRole('button', { name: 'Send', exact: true }).click();
      const progress = app.getByRole('progressbar', { name: 'Download progress' });
      await expect(progress).toBeVisible();
      await expect(app.getByRole('region', { name: 'Response' })).toContainText(/of 8\.0 MiB/);
      await app.getByRole('region', { name: 'Response' }).getByRole('button', { name: 'Cancel' }).click();
      await expect(app.getByTestId('response-error')).toContainText(/cancel/i);
      await expect.poll(() => closed).toBe(true);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });

  test('the signature debugger shows the trace of a send and of sign-without-sending', async ({ app, secretValues }) => {
    await setUpVaultAndOpenWorkbench(app, secretValues);
    await openRequest(app, 'Sale (HMAC-SHA1)');
    const debuggerPane = app.getByRole('region', { name: 'Signature debugger' });
    await expect(debuggerPane.getByTestId('signature-trace')).toHaveCount(0);
    await app.getByRole('button', { name: 'Send', exact: true }).click();
    await expect(app.getByTestId('response-status')).toHaveText(/^2\d\d/);
    const trace = debuggerPane.getByTestId('signature-trace');
    await expect(trace).toHaveCount(1);
    await expect(trace).toContainText(/base string/i);
    await expect(trace.getByRole('button', { name: /^Copy / }).first()).toBeVisible();

    await openRequest(app, 'Sale (RSA-SHA256)');
    await debuggerPane.getByRole('button', { name: 'Sign without sending' }).click();
    await expect(debuggerPane).toContainText('From the Sign without sending');
    await expect(debuggerPane.getByTestId('signature-trace')).toContainText('RSA-SHA256');

    await debuggerPane.getByText('Compare with what the gateway expected').click();
    await debuggerPane.getByLabel('Expected base string').fill('POST&http%3A%2F%2Fexample.invalid%2Fother&amount%3D1');
    await debuggerPane.getByRole('button', { name: 'Compare' }).click();
    const report = debuggerPane.getByTestId('compare-report');
    await expect(report).toContainText('Differs.');
    await expect(report.locator('tbody tr').first()).toBeVisible();
  });

  test('import a pasted curl command into a collection; its credentials go to the vault by name', async ({ app, secretValues }) => {
    const token = 'tok_5c0ffee5ecret9a7b';
    secretValues.push(token);
    await setUpVaultAndOpenWorkbench(app, secretValues);
    await app.getByRole('button', { name: 'Import' }).click();
    const dialog = app.getByRole('dialog');
    await dialog.getByRole('radio', { name: 'curl command' }).click();
    await dialog.getByLabel('Into collection').selectOption({ label: 'CENTAGATE' });
    await dialog.getByLabel('Import text').fill(`curl -X POST 'https://api.example.com/v1/charges?limit=3' -H 'Authorization: Bearer ${token}' -H 'Content-Type: application/json' -d '{"amount":100}'`);
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(dialog.getByTestId('import-report')).toContainText('Imported 1 request');
    await expect(dialog.getByTestId('import-report')).toContainText('Stored in the vault');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(app.getByTestId('environment-bar')).toContainText('CENTAGATE');
    await expect(app.getByLabel('URL')).toHaveValue(/api\.example\.com\/v1\/charges/);
    await expect(app.getByLabel('Method')).toHaveValue('POST');
    expect(await app.content()).not.toContain(token);
  });

  test('import a Postman v2.1 collection with an OAuth 1.0 RSA-SHA256 request and send it to the sandbox', async ({ app, secretValues }) => {
    await app.getByRole('button', { name: 'Home' }).click();
    await app.getByRole('button', { name: 'Start sandbox' }).click();
    const sandboxUrl = ((await app.getByTestId('sandbox-status').locator('code').textContent()) ?? '').replace(/\/$/, '');
    expect(sandboxUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    await setUpVaultAndOpenWorkbench(app, secretValues);

    await app.getByRole('button', { name: 'Import' }).click();
    await app.getByLabel('Collection file').setInputFiles('test/fixtures/workspace/elecsnet-rsa.postman_collection.json');
    await expect(app.getByLabel('Import text')).toHaveValue(/Elecsnet RSA/);
    await app.getByRole('dialog').getByRole('button', { name: 'Import', exact: true }).click();
    await expect(app.getByTestId('import-report')).toContainText('Imported 1 request');
    await app.getByRole('dialog').getByRole('button', { name: 'Close' }).click();

    await expect(row(app, 'Elecsnet RSA (Postman)')).toHaveCount(1);
    const imported = app.locator(`${ROW}[data-name="Sale (RSA-SHA256)"]`).last();
    await imported.locator('.wb-row-name').click();
    await expect(app.getByTestId('environment-bar')).toContainText('Elecsnet RSA (Postman)');
    // The collection's baseUrl points at a fixed port; aim it at this run's sandbox.
    await app.getByRole('button', { name: 'Variables…' }).click();
    const dialog = app.getByRole('dialog');
    const names = await dialog.getByLabel(/^Variable \d+ name$/).evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
    await dialog.getByLabel(`Variable ${names.indexOf('baseUrl') + 1} value`).fill(sandboxUrl);
    await dialog.getByRole('button', { name: 'Save environment' }).click();
    await expect(dialog).toHaveCount(0);

    await app.getByRole('button', { name: 'Send', exact: true }).click();
    await expect(app.getByTestId('response-status')).toHaveText(/^200/);
    await expect(app.getByTestId('response-body')).toContainText('RSA-SHA256');
  });
});
