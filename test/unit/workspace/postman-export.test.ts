import pm from 'postman-collection';
import { describe, expect, it } from 'vitest';
import type { AuthStep } from '../../../main/contract/auth.ts';
import type { AuthSetting, RequestBody } from '../../../main/contract/workspace.ts';
import { ExportedCollection, type ExportedRequest } from '../../../main/workspace/exchange/format.ts';
import { exportPostman, POSTMAN_SCHEMA_V21 } from '../../../main/workspace/postman/export-postman.ts';
import { convertPostman } from '../../../main/workspace/postman/import-postman.ts';
import { SECRET_VARIABLE_NOTE } from '../../../main/workspace/postman/secret-variables.ts';

type Json = Record<string, unknown>;
type PostmanItem = { name: string; description?: { content: string }; request: Json & { header?: { key: string; value: string; disabled?: boolean }[]; body?: Json; auth?: { type: string } & Json; url: Json }; event?: { listen: string; script: { exec: string[]; name?: string } }[] };

function request(fields: Partial<ExportedRequest>): ExportedRequest {
  return { type: 'request', name: 'R', method: 'POST', url: '{{baseUrl}}/r', params: [], headers: [], body: { kind: 'none' }, auth: { mode: 'inherit' }, ...fields };
}

function collectionWith(items: ExportedRequest[], extra: Partial<ExportedCollection> = {}): ExportedCollection {
  return ExportedCollection.parse({ name: 'Gateway', auth: { mode: 'none' }, items, ...extra });
}

function onlyItem(body: RequestBody = { kind: 'none' }, auth: AuthSetting = { mode: 'inherit' }): PostmanItem {
  const out = exportPostman(collectionWith([request({ body, auth })]));
  return (out.collection.item as PostmanItem[])[0] as PostmanItem;
}

const params = (auth: Json | undefined, type: string): Record<string, unknown> =>
  Object.fromEntries(((auth?.[type] ?? []) as { key: string; value: unknown }[]).map((entry) => [entry.key, entry.value]));

describe('Postman export: bodies', () => {
  it('json is raw with language json and a Content-Type header', () => {
    const item = onlyItem({ kind: 'json', text: '{"id":"{{$uuid}}"}' });
    expect(item.request.body).toEqual({ mode: 'raw', raw: '{"id":"{{$guid}}"}', options: { raw: { language: 'json' } } });
    expect(item.request.header).toContainEqual({ key: 'Content-Type', value: 'application/json' });
  });

  it('raw keeps its content type (xml as language xml)', () => {
    const item = onlyItem({ kind: 'raw', text: '<a/>', contentType: 'application/xml' });
    expect(item.request.body).toMatchObject({ mode: 'raw', raw: '<a/>', options: { raw: { language: 'xml' } } });
    expect(item.request.header).toContainEqual({ key: 'Content-Type', value: 'application/xml' });
  });

  it('a form is urlencoded, disabled fields kept disabled', () => {
    const item = onlyItem({ kind: 'form', pairs: [{ name: 'amount', value: '10', enabled: true }, { name: 'off', value: 'x', enabled: false }] });
    expect(item.request.body).toMatchObject({ mode: 'urlencoded', urlencoded: [{ key: 'amount', value: '10' }, { key: 'off', value: 'x', disabled: true }] });
  });

  it('multipart is formdata: text parts, and file parts as src paths with their content type', () => {
    const item = onlyItem({
      kind: 'multipart',
      parts: [
        { kind: 'text', name: 'note', value: 'hi', enabled: true },
        { kind: 'file', name: 'report', path: '/data/report.csv', enabled: true, contentType: 'text/csv' },
      ],
    });
    expect(item.request.body).toMatchObject({
      mode: 'formdata',
      formdata: [
        { key: 'note', value: 'hi', type: 'text' },
        { key: 'report', src: '/data/report.csv', type: 'file', contentType: 'text/csv' },
      ],
    });
  });

  it('a binary file is mode file with its src and Content-Type', () => {
    const item = onlyItem({ kind: 'binary', path: '/data/logo.png', contentType: 'image/png' });
    expect(item.request.body).toMatchObject({ mode: 'file', file: { src: '/data/logo.png' } });
    expect(item.request.header).toContainEqual({ key: 'Content-Type', value: 'image/png' });
  });
});

const chain = (...steps: AuthStep[]): AuthSetting => ({ mode: 'chain', steps });

describe('Postman export: auth', () => {
  it('OAuth 1.0 HMAC-SHA1 and RSA-SHA256 keep their method and keys, secrets as variables', () => {
    const hmac = onlyItem(undefined, chain({ type: 'oauth1', signatureMethod: 'HMAC-SHA1', consumerKey: '{{login}}', consumerSecret: '{{secret:control_key}}', includeVersion: true, oauthParamsInBody: false }));
    expect(hmac.request.auth?.type).toBe('oauth1');
    expect(params(hmac.request.auth, 'oauth1')).toMatchObject({ signatureMethod: 'HMAC-SHA1', consumerKey: '{{login}}', consumerSecret: '{{control_key}}', version: '1.0', addParamsToHeader: true });
    const rsa = onlyItem(undefined, chain({ type: 'oauth1', signatureMethod: 'RSA-SHA256', consumerKey: 'k', privateKey: '{{secret:merchant_key}}', includeVersion: true, oauthParamsInBody: true }));
    expect(params(rsa.request.auth, 'oauth1')).toMatchObject({ signatureMethod: 'RSA-SHA256', privateKey: '{{merchant_key}}', addParamsToHeader: false });
    expect(params(rsa.request.auth, 'oauth1')).not.toHaveProperty('consumerSecret');
  });

  it('basic, bearer and OAuth 2.0 client credentials map to their Postman types', () => {
    expect(params(onlyItem(undefined, chain({ type: 'basic', username: 'u', password: '{{secret:pw}}' })).request.auth, 'basic')).toEqual({ username: 'u', password: '{{pw}}' });
    expect(params(onlyItem(undefined, chain({ type: 'bearer', token: '{{secret:tok}}' })).request.auth, 'bearer')).toEqual({ token: '{{tok}}' });
    const oauth2 = onlyItem(undefined, chain({ type: 'oauth2-client-credentials', tokenUrl: '{{tokenUrl}}', clientId: 'id', clientSecret: '{{secret:cs}}', clientAuth: 'basic', scope: 'reports' }));
    expect(params(oauth2.request.auth, 'oauth2')).toMatchObject({ grant_type: 'client_credentials', accessTokenUrl: '{{tokenUrl}}', clientId: 'id', clientSecret: '{{cs}}', client_authentication: 'header', scope: 'reports' });
  });

  it('an API key after another scheme becomes a plain header', () => {
    const item = onlyItem(undefined, chain({ type: 'basic', username: 'u', password: 'p' }, { type: 'api-key', in: 'header', name: 'Ocp-Apim-Subscription-Key', value: '{{secret:sub}}' }));
    expect(item.request.auth?.type).toBe('basic');
    expect(item.request.header).toContainEqual({ key: 'Ocp-Apim-Subscription-Key', value: '{{sub}}' });
  });

  it('none is noauth and inherit leaves auth to the parent', () => {
    expect(onlyItem(undefined, { mode: 'none' }).request.auth?.type).toBe('noauth');
    expect(onlyItem(undefined, { mode: 'inherit' }).request.auth).toBeUndefined();
  });

  it('PayNet X-Signature and CENTAGATE HMAC are a named placeholder script and a note, never a computed value', () => {
    const paynet = onlyItem(
      undefined,
      chain({ type: 'oauth2-client-credentials', tokenUrl: 't', clientId: 'i', clientSecret: '{{secret:cs}}', clientAuth: 'body' }, { type: 'paynet-signature', clientSecret: '{{secret:cs}}' }),
    );
    expect(paynet.request.auth?.type).toBe('oauth2');
    expect(paynet.event?.[0]).toMatchObject({ listen: 'prerequest', script: { name: 'Countersign placeholder' } });
    expect(paynet.event?.[0]?.script.exec.join('\n')).toContain('PayNet X-Timestamp/X-Signature');
    expect(paynet.description?.content).toMatch(/PayNet X-Timestamp\/X-Signature: Postman cannot compute this without a script/);
    const centagate = onlyItem(
      undefined,
      chain({ type: 'hmac-fields', key: '{{secret:hmac_key}}', algorithm: 'sha256', encoding: 'hex', parts: [{ kind: 'field', name: 'username' }], output: { in: 'body', field: 'hmac' } }),
    );
    expect(centagate.request.auth?.type).toBe('noauth');
    expect(centagate.description?.content).toMatch(/field HMAC \(CENTAGATE-style\): Postman cannot compute this/);
  });
});

describe('Postman export: the document', () => {
  const collection = collectionWith(
    [
      request({ name: 'Pay', params: [{ name: 'a', value: '1', enabled: true }, { name: 'b', value: '2', enabled: false }], auth: chain({ type: 'bearer', token: '{{secret:tok}}' }) }),
    ],
    {
      environments: [{ name: 'UAT', protected: false, variables: [{ name: 'baseUrl', value: 'https://uat.example', enabled: true }], secrets: ['tok', 'other'] }],
      items: [
        { type: 'folder', name: 'Payments', auth: { mode: 'inherit' }, items: [request({ name: 'Pay', auth: chain({ type: 'bearer', token: '{{secret:tok}}' }) })] },
        request({ name: 'Ping', method: 'GET', params: [{ name: 'a', value: '1', enabled: true }, { name: 'b', value: '2', enabled: false }] }),
      ],
    },
  );

  it('is a v2.1 collection the Postman library reads back unchanged, folders and query included', () => {
    const { collection: json } = exportPostman(collection);
    expect((json.info as Json).schema).toBe(POSTMAN_SCHEMA_V21);
    const again = new pm.Collection(json).toJSON() as Json;
    // The library writes URLs as parts only; the export adds `raw`, as Postman's own files have.
    const urlsWithoutRaw = (items: unknown): unknown =>
      JSON.parse(JSON.stringify(items, function (this: Json, key: string, value: unknown) {
        return key === 'raw' && 'host' in this ? undefined : value;
      }));
    expect(again.item).toEqual(urlsWithoutRaw(json.item));
    const [folder, ping] = json.item as [{ name: string; item: PostmanItem[] }, PostmanItem];
    expect(folder.name).toBe('Payments');
    expect(folder.item[0]?.name).toBe('Pay');
    expect(ping.request.url).toMatchObject({ raw: '{{baseUrl}}/r?a=1', query: [{ key: 'a', value: '1' }, { key: 'b', value: '2', disabled: true }] });
  });

  it('declares secrets by name with empty values, in the collection and the environment file', () => {
    const out = exportPostman(collection, 'UAT');
    expect(out.collection.variable).toEqual([{ key: 'tok', value: '', type: 'string', description: { content: SECRET_VARIABLE_NOTE, type: 'text/plain' } }]);
    expect(out.environment).toMatchObject({
      name: 'UAT',
      _postman_variable_scope: 'environment',
      values: [
        { key: 'baseUrl', value: 'https://uat.example', type: 'default', enabled: true },
        { key: 'tok', value: '', type: 'secret', enabled: true },
        { key: 'other', value: '', type: 'secret', enabled: true },
      ],
    });
    expect(exportPostman(collection).environment).toBeUndefined();
  });

  it('our own importer reads it back to the same requests, secrets as vault names again', () => {
    const { collection: json } = exportPostman(collection);
    const { draft, warnings } = convertPostman(JSON.stringify(json));
    const [folder, ping] = draft.items;
    expect(folder).toMatchObject({ type: 'folder', name: 'Payments', items: [{ name: 'Pay', auth: chain({ type: 'bearer', token: '{{secret:tok}}' }) }] });
    expect(draft.environments.map((env) => [env.secrets, env.variables])).toEqual([
      [['tok'], []],
      [['tok'], []],
      [['tok'], []],
    ]);
    expect(warnings).toContain('Exported from Countersign: {{secret:tok}} is a vault secret; add the values to the vault of each environment.');
    expect(ping).toMatchObject({ name: 'Ping', method: 'GET', url: '{{baseUrl}}/r', params: [{ name: 'a', value: '1', enabled: true }, { name: 'b', value: '2', enabled: false }] });
  });
});
