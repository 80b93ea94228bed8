import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WorkspaceNode } from '../../../main/contract/workspace.ts';
import { toImportSummary, type WorkspaceService } from '../../../main/workspace/workspace-service.ts';
import { openService, tempDir, type TempDir } from './helpers.ts';

const fixtureUrl = new URL('../../fixtures/workspace/gateways.postman_collection.json', import.meta.url);
const fixture = readFileSync(fixtureUrl, 'utf8');
const PEM = readFileSync(new URL('../../../main/sandbox/fixtures/merchant-private-key.TEST-ONLY.pem', import.meta.url), 'utf8');
const SECRET_VALUES = ['tok-SECRET-123', 'sandbox-osp-secret-0f3c9a7e51d2', '0C1D2E3F-4A5B-4C6D-8E7F-90A1B2C3D4E5', 'hunter2-basic', 'sub-key-value-9', 'MII'];

let temp: TempDir;
let service: WorkspaceService;
beforeEach(() => {
  temp = tempDir();
  service = openService(temp.dir);
});
afterEach(() => temp.cleanup());

const byName = (name: string): WorkspaceNode => {
  const id = service.tree().entries.find((entry) => entry.name === name)?.id;
  if (id === undefined) throw new Error(`no item named ${name}`);
  return service.get(id);
};
const request = (name: string) => {
  const node = byName(name);
  if (node.kind !== 'request') throw new Error(`${name} is not a request`);
  return node;
};

describe('Postman v2.1 import', () => {
  it('keeps the folder structure and order', async () => {
    const result = await service.importPostman(fixture);
    expect([result.folders, result.requests]).toEqual([2, 6]);
    const names = service.tree().entries.map((entry) => `${entry.kind}:${entry.name}`);
    expect(names).toEqual([
      'collection:Gateway samples (Postman)',
      'folder:Elecsnet',
      'request:Sale (RSA-SHA256)',
      'request:Status (HMAC-SHA1)',
      'folder:PayNet',
      'request:Create report',
      'request:Basic auth ping',
      'request:API key ping',
      'request:No auth, text body',
    ]);
  });

  it('maps an OAuth 1.0 RSA-SHA256 request, with its private key moved to the vault list', async () => {
    const result = await service.importPostman(fixture);
    const sale = request('Sale (RSA-SHA256)');
    expect(sale.auth).toEqual({
      mode: 'chain',
      steps: [
        {
          type: 'oauth1',
          signatureMethod: 'RSA-SHA256',
          consumerKey: 'sandbox-merchant',
          privateKey: '{{secret:gateway_samples_postman.oauth1_privatekey}}',
          includeVersion: true,
          oauthParamsInBody: false,
        },
      ],
    });
    expect(result.secretsToStore).toContainEqual({ name: 'gateway_samples_postman.oauth1_privatekey', value: PEM, kind: 'rsa_private_key' });
    expect(sale.url).toBe('{{baseUrl}}/paynet/api/v2/sale-form/{{endpointId}}');
    expect(sale.body).toEqual({
      kind: 'form',
      pairs: [
        { name: 'client_orderid', value: 'order-1001', enabled: true },
        { name: 'amount', value: '10.42', enabled: true },
        { name: 'currency', value: 'USD', enabled: true },
        { name: 'comment', value: 'not sent', enabled: false },
      ],
    });
  });

  it('maps OAuth 1.0 HMAC-SHA1, OAuth 2.0 client credentials, basic, bearer, API key and noauth', async () => {
    await service.importPostman(fixture);
    const ref = (field: string): string => `{{secret:gateway_samples_postman.${field}}}`;
    expect(request('Status (HMAC-SHA1)').auth).toMatchObject({ steps: [{ type: 'oauth1', signatureMethod: 'HMAC-SHA1', consumerSecret: ref('oauth1_consumersecret') }] });
    expect(byName('PayNet').auth).toEqual({
      mode: 'chain',
      steps: [{ type: 'oauth2-client-credentials', tokenUrl: '{{baseUrl}}/osp/token', clientId: 'sandbox-osp-client', clientSecret: ref('oauth2_client_credentials_clientsecret'), clientAuth: 'body', scope: 'reports' }],
    });
    expect(request('Basic auth ping').auth).toEqual({ mode: 'chain', steps: [{ type: 'basic', username: 'analyst', password: ref('basic_password') }] });
    expect(request('API key ping').auth).toEqual({ mode: 'chain', steps: [{ type: 'api-key', in: 'header', name: 'Ocp-Apim-Subscription-Key', value: ref('api_key_value') }] });
    expect(request('No auth, text body').auth).toEqual({ mode: 'none' });
    expect(byName('Gateway samples (Postman)').auth).toEqual({ mode: 'chain', steps: [{ type: 'bearer', token: ref('bearer_token') }] });
  });

  it('inherits folder auth into requests that set none of their own', async () => {
    await service.importPostman(fixture);
    expect(service.effectiveAuth(request('Create report').id)[0]?.type).toBe('oauth2-client-credentials');
    expect(service.effectiveAuth(request('Status (HMAC-SHA1)').id)[0]?.type).toBe('oauth1');
  });

  it('keeps headers (disabled ones unticked), query params and JSON and text bodies', async () => {
    await service.importPostman(fixture);
    const report = request('Create report');
    expect(report.url).toBe('{{baseUrl}}/osp/api/v1/reports');
    expect(report.params).toEqual([
      { name: 'page', value: '1', enabled: true },
      { name: 'size', value: '50', enabled: true },
    ]);
    expect(report.headers).toEqual([
      { name: 'Accept', value: 'application/json', enabled: true },
      { name: 'X-Debug', value: '1', enabled: false },
    ]);
    expect(report.body).toEqual({ kind: 'json', text: '{\n  "reportType": "settlement",\n  "sizeBytes": 1024\n}' });
    expect(request('No auth, text body').body).toEqual({ kind: 'raw', text: 'hello', contentType: 'text/plain' });
  });

  it('puts non-secret collection variables in every environment, and secret ones in the vault list only', async () => {
    const result = await service.importPostman(fixture);
    const environments = service.environments(result.collectionId);
    expect(environments.map((env) => env.name)).toEqual(['Sandbox', 'UAT', 'Production']);
    for (const env of environments) {
      expect(env.variables.map((variable) => variable.name)).toEqual(['baseUrl', 'endpointId']);
      expect(env.secrets).toEqual(result.secretsToStore.map((secret) => secret.name));
    }
    expect(environments[2]?.protected).toBe(true);
    expect(result.warnings.join('\n')).toMatch(/copied into every environment/);
    expect(result.warnings.join('\n')).toMatch(/\{\{collectionToken\}\}, \{\{paynetSecret\}\} held secrets/);
  });

  it('never writes a secret value to the workspace file, and the renderer summary has names only', async () => {
    const result = await service.importPostman(fixture);
    expect(result.secretsToStore.map((secret) => secret.value)).toEqual(expect.arrayContaining(SECRET_VALUES.slice(0, 5)));
    const onDisk = readFileSync(join(temp.dir, 'workspace.json'), 'utf8');
    for (const value of SECRET_VALUES) expect(onDisk).not.toContain(value);
    const summary = JSON.stringify(toImportSummary(result));
    for (const value of SECRET_VALUES) expect(summary).not.toContain(value);
  });

  it('importing the same file twice gives the second copy its own vault names', async () => {
    const first = await service.importPostman(fixture);
    // A same-named collection would make the import refuse (#17): the first copy steps aside.
    service.rename(first.collectionId, 'First copy');
    const second = await service.importPostman(fixture);
    const firstNames = new Set(first.secretsToStore.map((secret) => secret.name));
    expect(second.secretsToStore.map((secret) => secret.name).filter((name) => firstNames.has(name))).toEqual([]);
    expect(second.secretsToStore.map((secret) => secret.name)).toContain('gateway_samples_postman.oauth1_privatekey_2');
  });

  it('refuses a file that is not a Postman v2 collection', async () => {
    await expect(service.importPostman('{nope')).rejects.toThrow(/not JSON/);
    await expect(service.importPostman(JSON.stringify({ info: { schema: 'https://schema.getpostman.com/json/collection/v1.0.0/collection.json' }, item: [] }))).rejects.toThrow(
      /not a Postman Collection v2\.0 or v2\.1/,
    );
  });
});
