import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT } from '../../../main/cli/exit-codes.ts';
import { SANDBOX_CREDENTIALS, SANDBOX_SAMPLE_IDS } from '../../../main/sandbox/credentials.ts';
import { startSandbox, type RunningSandbox } from '../../../main/sandbox/index.ts';
import { isOpenApiText } from '../../../main/workspace/openapi/detect.ts';
import { convertOpenApi } from '../../../main/workspace/openapi/convert-openapi.ts';
import type { ExportedFolder, ExportedRequest } from '../../../main/workspace/exchange/format.ts';
import { testBackend } from '../../support/backend.ts';
import { useCliSession } from '../cli/cli-fixture.ts';

const fixture = (name: string) => fileURLToPath(new URL(`../../fixtures/openapi/${name}`, import.meta.url));
const PAYNET = fixture('paynet-osp-reports.yaml');
const SCHEMES = fixture('schemes-3.0.json');
const SECRET = 'paynet_osp_reports.ospclientcredentials_client_secret';

function requestsOf(items: readonly (ExportedFolder | ExportedRequest)[], prefix = ''): Map<string, ExportedRequest> {
  const out = new Map<string, ExportedRequest>();
  for (const item of items) {
    if (item.type === 'request') out.set(`${prefix}${item.name}`, item);
    else for (const [path, request] of requestsOf(item.items, `${prefix}${item.name}/`)) out.set(path, request);
  }
  return out;
}

describe('OpenAPI conversion', () => {
  it('folders by tag, example bodies, parameters, servers as environments, OAuth 2.0 plus the PayNet signature', async () => {
    const { draft, warnings } = await convertOpenApi(await readFile(PAYNET, 'utf8'));
    expect(draft.name).toBe('PayNet OSP Reports');
    expect(draft.items.map((item) => `${item.type}:${item.name}`)).toEqual(['folder:Reports', 'folder:Downloads']);
    const requests = requestsOf(draft.items);
    expect([...requests.keys()]).toEqual(['Reports/Request a report', 'Reports/Report status', 'Reports/List settlements', 'Downloads/Download a report']);
    const create = requests.get('Reports/Request a report');
    expect(create).toMatchObject({ method: 'POST', url: '{{baseUrl}}/api/v1/reports', auth: { mode: 'inherit' }, headers: [] });
    expect(JSON.parse(create?.body.kind === 'json' ? create.body.text : '')).toEqual({ reportType: 'settlement', dateFrom: '2026-11-01', dateTo: '2026-11-30', format: 'csv', sizeBytes: 2048 });
    expect(requests.get('Reports/Report status')?.url).toBe('{{baseUrl}}/api/v1/reports/{{reportId}}');
    expect(requests.get('Reports/List settlements')?.params).toEqual([
      { name: 'date', value: '2026-01-01', enabled: true },
      { name: 'page', value: '1', enabled: true },
    ]);
    expect(draft.auth).toEqual({
      mode: 'chain',
      steps: [
        { type: 'oauth2-client-credentials', tokenUrl: '{{baseUrl}}/token', clientId: '{{ospclientcredentials_client_id}}', clientSecret: `{{secret:${SECRET}}}`, clientAuth: 'body' },
        { type: 'paynet-signature', clientSecret: `{{secret:${SECRET}}}` },
      ],
    });
    expect(draft.environments.map((env) => [env.name, env.protected, env.variables.find((v) => v.name === 'baseUrl')?.value])).toEqual([
      ['Sandbox', false, 'http://127.0.0.1:8787/osp'],
      ['UAT', false, 'https://api.reports.uat.inet.paynet.my'],
      ['Production', true, 'https://api.reports.paynet.my'],
    ]);
    expect(draft.environments[0]?.variables.map((v) => v.name)).toEqual(['baseUrl', 'port', 'reportId', 'ospclientcredentials_client_id']);
    expect(draft.environments.every((env) => env.secrets.join() === SECRET)).toBe(true);
    expect(warnings).toContain('X-Timestamp and X-Signature header parameters are made by the PayNet signature step (added after the OAuth 2.0 token), not typed in.');
    expect(warnings).toContain(`Put the credentials in the vault of each environment under: ${SECRET}.`);
  });

  it('maps API key, bearer, basic and client credentials, and reports every scheme and part it cannot', async () => {
    const { draft, warnings } = await convertOpenApi(await readFile(SCHEMES, 'utf8'));
    const requests = requestsOf(draft.items);
    expect(draft.auth).toEqual({ mode: 'chain', steps: [{ type: 'api-key', in: 'header', name: 'X-Merchant-Key', value: '{{secret:acquirer_gateway.merchantkey}}' }] });
    expect(requests.get('Payments/Create a payment')?.auth).toEqual({ mode: 'inherit' });
    expect(requests.get('Payments/Refund a payment')).toMatchObject({
      url: '{{baseUrl}}/payments/{{paymentId}}/refunds',
      auth: { mode: 'chain', steps: [{ type: 'oauth2-client-credentials', tokenUrl: 'https://id.acquirer.test/token', scope: 'refunds', clientId: '{{machine_client_id}}' }] },
      body: { kind: 'form', pairs: [{ name: 'amount', value: '500', enabled: true }, { name: 'reason', value: 'customer', enabled: true }] },
    });
    expect(requests.get('Reports/Daily report (bearer)')?.auth).toEqual({ mode: 'chain', steps: [{ type: 'bearer', token: '{{secret:acquirer_gateway.bearertoken_token}}' }] });
    expect(requests.get('Reports/Upload a dispute file')?.auth).toMatchObject({ mode: 'chain', steps: [{ type: 'basic', username: '{{basicauth_username}}' }] });
    // The first alternative that maps wins: digest does not, the query key does.
    expect(requests.get('Legacy (digest or query key)')?.auth).toMatchObject({ mode: 'chain', steps: [{ type: 'api-key', in: 'query', name: 'api_key' }] });
    expect(requests.get('whoAmI')?.auth).toEqual({ mode: 'none' });
    expect(requests.get('Health')?.auth).toEqual({ mode: 'none' });
    // A header the spec requires keeps its example; Accept is Countersign's to set.
    expect(requests.get('Payments/Create a payment')?.headers).toEqual([{ name: 'Idempotency-Key', value: '00000000-0000-4000-8000-000000000000', enabled: true }]);
    expect(draft.environments.map((env) => [env.name, env.protected])).toEqual([
      ['Sandbox', false],
      ['Live', true],
    ]);
    expect(warnings).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Security scheme "digestAuth" uses HTTP digest/),
        expect.stringMatching(/^Security scheme "oidc" is OpenID Connect/),
        expect.stringMatching(/^Security scheme "userLogin" is OAuth 2.0 without a client-credentials flow/),
        expect.stringMatching(/^Security scheme "cookieKey" sends its API key in a cookie/),
        'Left out: cookie parameter "tracking" (POST /payments).',
      ]),
    );
    expect(warnings.join('\n')).not.toContain('multipart/form-data body');
  });

  it('imports multipart bodies as parts (files left to choose) and octet-stream bodies as binary-file bodies', async () => {
    const doc = {
      openapi: '3.0.3',
      info: { title: 'Uploads', version: '1' },
      paths: {
        '/upload': {
          post: {
            summary: 'Upload',
            requestBody: {
              content: {
                'multipart/form-data': { schema: { type: 'object', properties: { merchant: { type: 'string', example: 'M-1' }, statement: { type: 'string', format: 'binary' } } } },
              },
            },
            responses: { '200': { description: 'ok' } },
          },
        },
        '/blob': { put: { summary: 'Put blob', requestBody: { content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } } }, responses: { '200': { description: 'ok' } } } },
      },
    };
    const { draft } = await convertOpenApi(JSON.stringify(doc));
    const requests = requestsOf(draft.items);
    expect(requests.get('Upload')?.body).toEqual({
      kind: 'multipart',
      parts: [
        { kind: 'text', name: 'merchant', value: 'M-1', enabled: true },
        { kind: 'file', name: 'statement', path: '', enabled: true },
      ],
    });
    expect(requests.get('Put blob')?.body).toEqual({ kind: 'binary', path: '', contentType: '' });
  });

  it('refuses Swagger 2.0, text that is not JSON or YAML, and documents that are not OpenAPI 3, with a reason', async () => {
    await expect(convertOpenApi('{"swagger": "2.0", "info": {}}')).rejects.toThrow('This is a Swagger 2.0 document: Countersign imports OpenAPI 3.0 and 3.1.');
    await expect(convertOpenApi('openapi: 3.0.0\ninfo: [unclosed')).rejects.toThrow(/^The file is neither JSON nor YAML: /);
    await expect(convertOpenApi('openapi: 4.0.0\ninfo: {}')).rejects.toThrow('The file is not an OpenAPI 3.0 or 3.1 document');
    // Invalid but readable: imported, with the validator's complaint first.
    const { draft, warnings } = await convertOpenApi('openapi: 3.0.3\ninfo: {title: Loose}\npaths:\n  /ping:\n    get:\n      summary: Ping\n');
    expect(requestsOf(draft.items).has('Ping')).toBe(true);
    expect(warnings[0]).toMatch(/^The document is not valid OpenAPI \(.+\); what could be read was imported\.$/);
  });

  it('detects OpenAPI cheaply, in JSON and YAML, and not Postman or collection files', async () => {
    expect(isOpenApiText(await readFile(PAYNET, 'utf8'))).toBe(true);
    expect(isOpenApiText(await readFile(SCHEMES, 'utf8'))).toBe(true);
    expect(isOpenApiText('{"info": {"schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"}, "item": []}')).toBe(false);
    expect(isOpenApiText('{"format": "countersign.collection", "version": 2}')).toBe(false);
  });

  it('never follows a reference out of the document', async () => {
    const text = JSON.stringify({
      openapi: '3.0.3',
      info: { title: 'Refs', version: '1' },
      paths: { '/x': { post: { summary: 'X', requestBody: { content: { 'application/json': { schema: { $ref: '/etc/passwd#/a' } } } }, responses: { '200': { description: 'ok' } } } } },
    });
    const { draft } = await convertOpenApi(text);
    expect(JSON.stringify(draft)).not.toContain('root:');
  });
});

describe('OpenAPI import into the workspace, run against the sandbox', () => {
  const session = useCliSession();
  const run = session.run;
  let sandbox: RunningSandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ paynet: { pollsUntilReady: 0 } });
  });
  afterAll(async () => {
    await sandbox.close();
  });

  it('`countersign import FILE` finds OpenAPI by itself; the requests run where the sandbox has the route', async () => {
    const imported = await run(['import', PAYNET]);
    expect(imported.code, imported.stderr).toBe(EXIT.ok);
    expect(imported.stderr).toContain('Imported 4 requests in 2 folders.');
    expect(imported.stderr).toContain(`warning: Put the credentials in the vault of each environment under: ${SECRET}.`);

    // What a user does next: point Sandbox at the gateway, give the client id, put the secret in the vault.
    const set = await run(['env', 'set', 'PayNet OSP Reports', 'Sandbox', `baseUrl=${sandbox.url}/osp`, `ospclientcredentials_client_id=${SANDBOX_CREDENTIALS.paynet.clientId}`, `reportId=${SANDBOX_SAMPLE_IDS.paynetReportId}`]);
    expect(set.code, set.stderr).toBe(EXIT.ok);
    const stored = await run(['vault', 'set', SECRET, '--env', 'Sandbox'], { stdin: SANDBOX_CREDENTIALS.paynet.clientSecret });
    expect(stored.code, stored.stderr).toBe(EXIT.ok);

    const created = await run(['run', 'PayNet OSP Reports/Reports/Request a report', '--env', 'Sandbox', '--json']);
    expect(created.code, created.stderr + created.stdout).toBe(EXIT.ok);
    const report = JSON.parse(created.stdout) as { status: number; body: { data: string } };
    expect(report.status).toBe(202);
    expect(JSON.parse(report.body.data)).toMatchObject({ reportType: 'settlement', sizeBytes: 2048 });

    const status = await run(['run', 'PayNet OSP Reports/Reports/Report status', '--env', 'Sandbox']);
    expect(status.code, status.stderr).toBe(EXIT.ok);
    expect(JSON.parse(status.stdout)).toMatchObject({ reportId: SANDBOX_SAMPLE_IDS.paynetReportId, status: 'READY' });

    const out = join(session.path(), 'report.csv');
    const download = await run(['run', 'PayNet OSP Reports/Downloads/Download a report', '--env', 'Sandbox', '--out', out]);
    expect(download.code, download.stderr).toBe(EXIT.ok);
    expect((await readFile(out, 'utf8')).length).toBeGreaterThan(1000);

    // The sandbox has no settlements route: the request is there and signed, the sandbox answers 404.
    const settlements = await run(['run', 'PayNet OSP Reports/Reports/List settlements', '--env', 'Sandbox']);
    expect(settlements.code).toBe(EXIT.httpStatus);
    expect(settlements.stderr).toMatch(/^404 /);
  });

  it('a second import of the same API is refused unless --on-conflict says what to do', async () => {
    const again = await run(['import', PAYNET]);
    expect(again.code).toBe(EXIT.usage);
    expect(again.stderr).toContain('--on-conflict replace, merge or keep-both');
    const both = await run(['import', 'openapi', PAYNET, '--on-conflict', 'keep-both']);
    expect(both.code, both.stderr).toBe(EXIT.ok);
    const listed = await run(['list']);
    expect(listed.stdout).toContain('PayNet OSP Reports (2)');
    // merge updates the requests in place; the import's variables win (the spec's base URL, report id and empty client id are back).
    const merged = await run(['import', PAYNET, '--on-conflict', 'merge']);
    expect(merged.code, merged.stderr).toBe(EXIT.ok);
    const vars = ['--var', `baseUrl=${sandbox.url}/osp`, '--var', `ospclientcredentials_client_id=${SANDBOX_CREDENTIALS.paynet.clientId}`, '--var', `reportId=${SANDBOX_SAMPLE_IDS.paynetReportId}`];
    const status = await run(['run', 'PayNet OSP Reports/Reports/Report status', '--env', 'Sandbox', ...vars]);
    expect(status.code, status.stderr).toBe(EXIT.ok);
  });

  it('the import dialog\'s Postman and collection channels take an OpenAPI document too', async () => {
    const backend = testBackend(session.path());
    try {
      await backend.dispatcher.call('vault:unlock', { passphrase: 'cli test passphrase 7f3e' });
      const text = await readFile(SCHEMES, 'utf8');
      for (const channel of ['workspace:import-postman', 'workspace:import-collection', 'workspace:import-openapi'] as const) {
        const envelope = await backend.dispatcher.invoke(channel, { text, secretsEnvironment: 'Sandbox', onConflict: 'keep-both' }, { door: 'test' });
        expect(envelope.ok, JSON.stringify(envelope)).toBe(true);
        if (envelope.ok) expect(envelope.value).toMatchObject({ requests: 7, folders: 2, secretsStored: [] });
      }
      const bad = await backend.dispatcher.invoke('workspace:import-openapi', { text: '{"swagger":"2.0"}', secretsEnvironment: 'Sandbox' }, { door: 'test' });
      expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
      expect(bad.ok ? '' : bad.error.message).toContain('Swagger 2.0');
    } finally {
      await backend.close();
    }
  });
});
