import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../../main/contract/history.ts';
import type { SendResult } from '../../../main/contract/requests.ts';
import type { Environment, TreeListing, WorkspaceNode } from '../../../main/contract/workspace.ts';
import { HISTORY_FILE_NAME } from '../../../main/history/history-file.ts';
import type { Backend } from '../../../main/services/backend.ts';
import { contractCaller, testBackend } from '../../support/backend.ts';
import { makeTempDir } from '../../support/temp-dir.ts';

const PASSPHRASE = 'a passphrase for tests';
const ECHOED_SECRET = 'echo-secret-4f9a2b7c1d';

describe('assertion results are kept in History, through the backend', () => {
  let dir: Awaited<ReturnType<typeof makeTempDir>>;
  let backend: Backend;
  let tree: TreeListing;
  let echo: Server;
  const call = contractCaller(() => backend);
  const requestAt = (collection: string, name: string) => {
    const parent = tree.entries.find((entry) => entry.parentId === null && entry.name === collection)!;
    return tree.entries.find((entry) => entry.parentId === parent.id && entry.name === name)!;
  };
  const sandboxOf = async (collectionId: string) =>
    (await call<Environment[]>('workspace:environments', { collectionId })).find((environment) => environment.name === 'Sandbox')!;

  beforeAll(async () => {
    dir = await makeTempDir();
    backend = testBackend(dir.path);
    await call('vault:setup', { passphrase: PASSPHRASE });
    tree = await call<TreeListing>('workspace:tree', {});
    // Answers with the header it was sent, so an assertion's actual value holds a secret.
    echo = createServer((req, res) => {
      res.setHeader('content-type', 'application/json');
      const key = req.headers['x-echo'] ?? null;
      // `padded` puts the secret across the point where a found value is cut short (300 characters); `filler`
      // makes the body too large to preview, so assertions read it from its file, where nothing is redacted yet.
      res.end(JSON.stringify({ key, padded: `${'x'.repeat(290)}${String(key)}`, filler: 'y'.repeat(1_200_000) }));
    });
    await new Promise<void>((resolve) => echo.listen(0, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    await new Promise((resolve) => echo.close(resolve));
    await backend.close();
    await dir.remove();
  });

  it('a send whose assertion fails is listed with that failure, also after a restart', async () => {
    const request = requestAt('PayNet OSP', 'Report status');
    await call('workspace:update-request', {
      id: request.id,
      patch: {
        assertions: [
          { kind: 'status', expected: '2xx' },
          { kind: 'jsonpath', path: '$.status', op: 'equals', value: 'NEVER' },
        ],
      },
    });
    const sent = await call<SendResult>('requests:send', { requestId: request.id, environmentId: (await sandboxOf(request.parentId!)).id });
    const [entry] = await call<HistoryEntry[]>('history:list', { requestId: request.id, limit: 1 });
    expect(entry?.id).toBe(sent.historyId);
    expect(entry?.assertions).toEqual(sent.assertions);
    expect(entry?.assertions?.map((result) => [result.label, result.passed])).toEqual([
      ['status is 2xx', true],
      ['$.status equals NEVER', false],
    ]);
    expect(entry?.assertions?.[1]?.message).toContain('expected NEVER');

    await backend.history.flush();
    await backend.close();
    backend = testBackend(dir.path);
    await call('vault:unlock', { passphrase: PASSPHRASE });
    const reread = await call<HistoryEntry>('history:get', { id: entry!.id });
    expect(reread.assertions).toEqual(entry?.assertions);
  });

  it('keeps an actual value that held a secret only redacted, in the file and in what History answers', async () => {
    const port = (echo.address() as AddressInfo).port;
    const collection = await call<WorkspaceNode>('workspace:create', { kind: 'collection', name: 'Echo' });
    // A new collection comes with the three usual environments; its Sandbox reads the vault's Sandbox secrets.
    const environment = await sandboxOf(collection.id);
    await call('vault:add', { environment: 'Sandbox', name: 'echo.key', kind: 'text', value: ECHOED_SECRET, hosts: [`127.0.0.1:${String(port)}`] });
    const request = await call<WorkspaceNode>('workspace:create', { kind: 'request', parentId: collection.id, name: 'Echo key', method: 'GET', url: `http://127.0.0.1:${String(port)}/echo` });
    await call('workspace:update-request', {
      id: request.id,
      patch: {
        auth: { mode: 'chain', steps: [{ type: 'api-key', in: 'header', name: 'X-Echo', value: '{{secret:echo.key}}' }] },
        assertions: [
          { kind: 'jsonpath', path: '$.key', op: 'equals', value: 'something else' },
          { kind: 'jsonpath', path: '$.padded', op: 'equals', value: 'something else' },
        ],
      },
    });
    const sent = await call<SendResult>('requests:send', { requestId: request.id, environmentId: environment.id });
    expect(sent.outcome.ok).toBe(true);
    const entry = await call<HistoryEntry>('history:get', { id: sent.historyId! });
    expect(entry.assertions?.[0]).toMatchObject({ passed: false, actual: '[redacted]' });
    // Redacted whole, then cut: not its first ten characters left behind.
    expect(entry.assertions?.[1]?.actual).toBe(`${'x'.repeat(290)}[redacted]`);
    await backend.history.flush();
    const onDisk = readFileSync(join(dir.path, HISTORY_FILE_NAME), 'utf8');
    expect(onDisk).toContain('"actual":"[redacted]"');
    expect(onDisk).not.toContain(ECHOED_SECRET.slice(0, 8));
  });
});
