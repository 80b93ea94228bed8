import { describe, expect, it } from 'vitest';
import type { KeyValue, RequestNode } from '../../../main/contract/workspace.ts';
import { emptyDocument } from '../../../main/workspace/document.ts';
import { findLiteralCredentials, planCredentialMove } from '../../../main/workspace/exchange/literal-credentials.ts';
import { sequentialIds } from '../../../main/workspace/ids.ts';
import { buildSampleWorkspace } from '../../../main/workspace/samples/sample-workspace.ts';

const kv = (name: string, value: string): KeyValue => ({ name, value, enabled: true });
const BEARER = 'Bearer 9f8e7d6c5b4a39281706f5e4d3c2b1a0';
const API_KEY = 'AbC123dEf456GhI789jKl012MnO345pQ';

function workspaceWith(requests: Partial<RequestNode>[]) {
  const doc = emptyDocument();
  doc.collections.push('c');
  doc.nodes.c = { kind: 'collection', id: 'c', name: 'My Gateway', auth: { mode: 'none' }, children: [], environments: [], flows: [] };
  requests.forEach((fields, i) => {
    const id = `r${String(i)}`;
    doc.nodes[id] = { kind: 'request', id, parentId: 'c', name: `Req ${String(i)}`, method: 'POST', url: 'https://h/x', params: [], headers: [], body: { kind: 'none' }, auth: { mode: 'inherit' }, ...fields };
    const c = doc.nodes.c;
    if (c?.kind === 'collection') c.children.push(id);
  });
  return doc;
}

describe('credentials typed literally into requests are flagged on export', () => {
  it('flags Authorization, an API key param, a form password, a JSON secret and a URL password, never showing the value', () => {
    const doc = workspaceWith([
      { headers: [kv('Authorization', BEARER), kv('Content-Type', 'application/json')] },
      { params: [kv('apiKey', API_KEY)] },
      { body: { kind: 'form', pairs: [kv('username', 'merchant'), kv('password', 'hunter22')] } },
      { body: { kind: 'json', text: '{ "client_id": "abc", "client_secret": "s3cr3t-v4lue-xyz", "amount": {{amount}} }' } },
      { url: 'https://merchant:pa55word99@h/x' },
    ]);
    const findings = findLiteralCredentials(doc, 'c');
    expect(findings.map((f) => `${f.request} ${f.place} ${f.field}`)).toEqual([
      'Req 0 header Authorization',
      'Req 1 param apiKey',
      'Req 2 body password',
      'Req 3 body client_secret',
      'Req 4 url user info',
    ]);
    const shown = JSON.stringify(findings);
    for (const value of [BEARER.slice(7), API_KEY, 'hunter22', 's3cr3t-v4lue-xyz', 'pa55word99']) expect(shown).not.toContain(value);
    expect(findings[0]?.suggestedSecret).toBe('my_gateway.authorization');
  });

  it('does not flag references, placeholders or ordinary fields', () => {
    const doc = workspaceWith([
      {
        headers: [
          kv('Authorization', 'Bearer {{secret:token}}'),
          kv('X-Api-Key', '{{secret:api}}'),
          kv('X-Reference-Id', '3f6b2c1e-9a7b-4c5d-8e3f-2a1b0c9d8e7f'),
          kv('Accept', 'application/json'),
        ],
        params: [kv('token_type', 'bearer_token_value'), kv('tokenUrl', 'https://h/token'), kv('apiKey', 'xxxxxxxxxxxx'), kv('password', '<password>')],
        body: { kind: 'json', text: '{ "currency": "EUR", "externalId": "4c5d6e7f8a9b0c1d2e3f", "token": "" }' },
      },
    ]);
    expect(findLiteralCredentials(doc, 'c')).toEqual([]);
  });

  it('the sample workspace has nothing to flag', () => {
    const doc = buildSampleWorkspace({ sandboxPort: 4010, ids: sequentialIds('s') });
    for (const id of doc.collections) expect(findLiteralCredentials(doc, id)).toEqual([]);
  });

  it('a move replaces each value by {{secret:name}}, one name per value, and keeps JSON valid', () => {
    const doc = workspaceWith([
      { headers: [kv('Authorization', BEARER)], body: { kind: 'json', text: '{"client_secret": "s3cr3t-v4lue-xyz", "n": 1}' } },
      { headers: [kv('Authorization', BEARER)] },
    ]);
    const move = planCredentialMove(doc, 'c', ['my_gateway.authorization']);
    expect(move.secrets).toEqual([
      { name: 'my_gateway.authorization_2', value: BEARER },
      { name: 'my_gateway.client_secret', value: 's3cr3t-v4lue-xyz' },
    ]);
    const first = move.patches.find((p) => p.id === 'r0')?.patch;
    expect(first?.headers[0]?.value).toBe('{{secret:my_gateway.authorization_2}}');
    expect(JSON.parse(first?.body.kind === 'json' ? first.body.text : '')).toEqual({ client_secret: '{{secret:my_gateway.client_secret}}', n: 1 });
    expect(move.patches.find((p) => p.id === 'r1')?.patch.headers[0]?.value).toBe('{{secret:my_gateway.authorization_2}}');
  });

  it('moves only the chosen findings', () => {
    const doc = workspaceWith([{ headers: [kv('Authorization', BEARER)], params: [kv('apiKey', API_KEY)] }]);
    const apiKey = findLiteralCredentials(doc, 'c').find((f) => f.field === 'apiKey');
    const move = planCredentialMove(doc, 'c', [], apiKey ? [apiKey.id] : []);
    expect(move.secrets.map((s) => s.name)).toEqual(['my_gateway.apikey']);
    expect(move.patches[0]?.patch.headers[0]?.value).toBe(BEARER);
  });
});
