/**
 * A value a provider serves is redacted exactly like a vault value: the
 * send's own redactor (response, request as sent, history) and the
 * process-wide ledger (everything any channel answers afterwards). The echo
 * server proves the real value did go on the wire.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SendResult } from '../../../main/contract/requests.ts';
import type { Environment, WorkspaceNode } from '../../../main/contract/workspace.ts';
import { HISTORY_FILE_NAME } from '../../../main/history/history-file.ts';
import type { Backend } from '../../../main/services/backend.ts';
import { contractCaller, testBackend } from '../../support/backend.ts';
import { makeTempDir } from '../../support/temp-dir.ts';

const VALUE = 'provider-served-secret-3f9a7c51';

let dir: Awaited<ReturnType<typeof makeTempDir>>;
let backend: Backend;
let server: Server;
const received: string[] = [];
const call = contractCaller(() => backend);

beforeAll(async () => {
  dir = await makeTempDir();
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      received.push(body);
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ echoed: body }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  backend = testBackend(dir.path);
  backend.setSecretProviderEnvironment({ COUNTERSIGN_SECRET_UAT_ECHO_SECRET: VALUE });
});

afterAll(async () => {
  await backend.close();
  await new Promise((resolve) => server.close(resolve));
  await dir.remove();
});

describe('a provider secret in a send', () => {
  it('is sent, reported by name, and redacted in everything the send answers and records', async () => {
    const origin = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`;
    const collection = await call<WorkspaceNode>('workspace:create', { kind: 'collection', name: 'Echo' });
    const environments = await call<Environment[]>('workspace:environments', { collectionId: collection.id });
    const uat = environments.find((environment) => environment.name === 'UAT') ?? environments[0];
    if (!uat) throw new Error('a new collection has no environment');
    await call('workspace:update-environment', {
      collectionId: collection.id,
      environmentId: uat.id,
      variables: [{ name: 'baseUrl', value: origin, enabled: true }],
      secrets: ['echo.secret'],
      secretProviders: [{ kind: 'env' }],
    });
    const request = await call<WorkspaceNode>('workspace:create', { kind: 'request', parentId: collection.id, name: 'Echo it', method: 'POST', url: '{{baseUrl}}/echo' });
    await call('workspace:update-request', { id: request.id, patch: { body: { kind: 'raw', text: '{"secret":"{{secret:echo.secret}}"}', contentType: 'application/json' } } });

    const result = await call<SendResult & { sent: unknown }>('requests:send', { requestId: request.id, environmentId: uat.id });
    expect(received.at(-1)).toBe(`{"secret":"${VALUE}"}`);
    expect(result.secretSources).toEqual([{ name: 'echo.secret', provider: 'env', location: 'COUNTERSIGN_SECRET_UAT_ECHO_SECRET' }]);
    expect(result.outcome.ok && result.outcome.response.preview.data).toContain('[redacted]');
    expect(JSON.stringify(result)).not.toContain(VALUE);

    // Entries are written in batches: wait for this one to reach the disk.
    await backend.history.flush();
    const history = await readFile(join(dir.path, HISTORY_FILE_NAME), 'utf8');
    expect(history).toContain('Echo it');
    expect(history).not.toContain(VALUE);
  });

  it('joins the process-wide ledger: any later answer that holds the value is redacted', async () => {
    const tree = await call<{ entries: { id: string; name: string; kind: string }[] }>('workspace:tree', {});
    const collection = tree.entries.find((entry) => entry.kind === 'collection' && entry.name === 'Echo');
    const environments = await call<Environment[]>('workspace:environments', { collectionId: collection?.id });
    const uat = environments.find((environment) => environment.secretProviders !== undefined);
    const updated = await call<Environment>('workspace:update-environment', {
      collectionId: collection?.id,
      environmentId: uat?.id,
      variables: [...(uat?.variables ?? []), { name: 'pasted', value: VALUE, enabled: true }],
    });
    expect(updated.variables.find((variable) => variable.name === 'pasted')?.value).toBe('[redacted]');
  });
});
