import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from '@playwright/test';
import { isChannelName } from '../../main/contract/index.ts';
import { expect, test } from './support/fixtures.ts';
import { createVault } from './support/vault-setup.ts';

const PASSPHRASE = 'correct horse battery staple';
// One secret per place the request carries it; chosen so their encoded forms differ from the raw value.
const SECRETS = { query: 'q-key/7Qx+9=zR&a', header: 'h-key:Zm9v bar!', body: 'b-key"json\\9x' } as const;
const ENVIRONMENT = 'Leak check';

/** A gateway on loopback: /redirect… answers 302 to /landing plus its own path and query; anything else echoes the request. */
async function startRedirectingEcho(): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = req.url ?? '/';
      if (url.startsWith('/redirect')) {
        res.writeHead(302, { location: `/landing${url}` }).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ url, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`, server };
}

/** A contract call made by the page itself, so its reply crosses the bridge and is recorded like any other. */
async function invoke<T>(app: Page, token: string, channel: string, input: unknown): Promise<T> {
  const envelope = await app.evaluate(
    async ({ channel, input, token }) => {
      const response = await fetch(`/api/invoke/${channel}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-countersign-token': token }, body: JSON.stringify(input) });
      return (await response.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
    },
    { channel, input, token },
  );
  if (!envelope.ok) throw new Error(`${channel}: ${envelope.error?.message ?? 'failed'}`);
  return envelope.value as T;
}

// The executor follows redirects for GET and HEAD only, so the redirected request is a GET that still carries a body.
const secretRequest = (method: string, url: string) => ({
  method,
  url,
  params: [{ name: 'key', value: '{{secret:e2e_query}}', enabled: true }],
  headers: [{ name: 'X-Api-Key', value: '{{secret:e2e_header}}', enabled: true }],
  body: { kind: 'json', text: '{"secret":"{{secret:e2e_body}}"}' },
});

test.describe('no secret crosses the bridge from a redirect or the callback inbox', () => {
  test('a redirecting request with secrets in query, header and body, then the same request sent to the inbox', async ({ app, host, secretValues, bridge }) => {
    secretValues.push(PASSPHRASE, ...Object.values(SECRETS));
    const echo = await startRedirectingEcho();
    try {
      await createVault(app, PASSPHRASE);
      for (const [place, value] of Object.entries(SECRETS)) await invoke(app, host.token, 'vault:add', { environment: ENVIRONMENT, name: `e2e_${place}`, kind: 'text', value });
      const collection = await invoke<{ id: string }>(app, host.token, 'workspace:create', { kind: 'collection', name: 'Leak check' });
      await invoke(app, host.token, 'workspace:create-environment', { collectionId: collection.id, name: ENVIRONMENT });
      const inbox = await invoke<{ url: string }>(app, host.token, 'inbox:start', { host: '127.0.0.1', port: 0 });
      // Where the vault binds secrets to hosts (#15), the user allows both loopback hosts with the passphrase first.
      if (isChannelName('vault:allow-host')) {
        for (const url of [echo.url, inbox.url]) {
          await invoke(app, host.token, 'vault:allow-host', { environment: ENVIRONMENT, names: Object.keys(SECRETS).map((place) => `e2e_${place}`), host: new URL(url).host, scope: 'always', passphrase: PASSPHRASE });
        }
      }
      for (const [name, method, url] of [
        ['Redirected', 'GET', `${echo.url}/redirect/start`],
        ['To the inbox', 'POST', `${inbox.url}/callback`],
      ] as const) {
        const request = await invoke<{ id: string }>(app, host.token, 'workspace:create', { kind: 'request', parentId: collection.id, name });
        await invoke(app, host.token, 'workspace:update-request', { id: request.id, patch: secretRequest(method, url) });
      }

      // Both sends from the workbench, as a user makes them: the response viewer gets what main returns.
      await app.getByRole('button', { name: 'Workbench' }).click();
      for (const name of ['Redirected', 'To the inbox']) {
        await app.locator(`[data-testid="tree-row"][data-name="${name}"]`).locator('.wb-row-name').click();
        await expect(app.getByRole('tablist', { name: 'Open requests' }).getByRole('tab', { selected: true, name: new RegExp(name) })).toBeVisible();
        await app.getByTestId('environment-bar').getByRole('radio', { name: ENVIRONMENT }).click();
        await expect(app.getByTestId('environment-bar').getByRole('radio', { checked: true })).toHaveText(ENVIRONMENT);
        await app.getByRole('button', { name: 'Send', exact: true }).click();
        await expect(app.getByTestId('response-status')).toContainText('200');
      }

      const entries = await invoke<{ path: string; body: string }[]>(app, host.token, 'inbox:entries', {});
      expect(entries).toHaveLength(1);
      expect(entries[0]!.path).toContain('[redacted]');
      expect(entries[0]!.body).toBe('{"secret":"[redacted]"}');
      // The redirect hop did reach the page, redacted: the check below is about real traffic.
      const sendReplies = bridge.texts().filter((text) => text.includes('"redirects":[{'));
      expect(sendReplies.length).toBeGreaterThan(0);
      expect(sendReplies.join('')).toContain('[redacted]');
      // The fixture then checks every reply and event stream for every encoded form of every secret.
    } finally {
      await new Promise<void>((resolve) => echo.server.close(() => resolve()));
    }
  });
});
