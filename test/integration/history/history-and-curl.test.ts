import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../../main/contract/history.ts';
import type { CurlResult } from '../../../main/contract/requests.ts';
import type { Environment, TreeListing } from '../../../main/contract/workspace.ts';
import { HISTORY_FILE_NAME } from '../../../main/history/history-file.ts';
import { createConfStoreFactory } from '../../../main/platform/conf-store.ts';
import { createBackend, type Backend } from '../../../main/services/backend.ts';
import { contractCaller } from '../../support/backend.ts';
import { makeTempDir } from '../../support/temp-dir.ts';

/** A clipboard that only remembers what was written. */
function fakeClipboard() {
  let text = '';
  return { readText: () => text, writeText: (next: string) => void (text = next), get text() { return text; } };
}

describe('history and copy as curl through the contract', () => {
  let dir: Awaited<ReturnType<typeof makeTempDir>>;
  let backend: Backend;
  let tree: TreeListing;
  const clipboard = fakeClipboard();
  const call = contractCaller(() => backend);
  const sandboxOf = async (requestId: string) => {
    let entry = tree.entries.find((candidate) => candidate.id === requestId)!;
    while (entry.parentId !== null) entry = tree.entries.find((candidate) => candidate.id === entry.parentId)!;
    const environments = await call<Environment[]>('workspace:environments', { collectionId: entry.id });
    return environments.find((env) => env.name === 'Sandbox')!;
  };
  const secretValues = async () => Promise.all(backend.vault.list({ environment: 'Sandbox' }).secrets.map((s) => backend.vault.get('Sandbox', s.name)));

  beforeAll(async () => {
    dir = await makeTempDir();
    backend = createBackend({
      mode: 'browser',
      dataDir: dir.path,
      stores: createConfStoreFactory(dir.path),
      clipboard,
      vaultTuning: { scryptParams: { N: 2 ** 10, r: 8, p: 1 } },
    });
    await call('vault:setup', { passphrase: 'a passphrase for tests' });
    for (let i = 0; i < 100 && backend.vault.list({ environment: 'Sandbox' }).secrets.length < 6; i++) await new Promise((r) => setTimeout(r, 20));
    tree = await call<TreeListing>('workspace:tree', {});
  });
  afterAll(async () => {
    await backend.close();
    await dir.remove();
  });

  it('records every sample send with its environment, status and a summary free of secret values', async () => {
    const events: number[] = [];
    const stop = backend.bus.subscribe((name, payload) => {
      if (name === 'history:changed') events.push((payload as { count: number }).count);
    });
    const requests = tree.entries.filter((entry) => entry.kind === 'request');
    for (const request of requests) await call('requests:send', { requestId: request.id, environmentId: (await sandboxOf(request.id)).id });
    stop();
    const listed = await call<HistoryEntry[]>('history:list', {});
    expect(listed.map((entry) => entry.requestId)).toEqual(requests.map((request) => request.id).reverse());
    for (const entry of listed) {
      expect(entry.environment.name).toBe('Sandbox');
      expect(entry.status).toBeGreaterThanOrEqual(200);
      expect(entry.status).toBeLessThan(300);
      expect(entry.summary?.url).toContain('127.0.0.1');
    }
    expect(events).toEqual(requests.map((_, i) => i + 1));
    await backend.history.flush();
    const onDisk = readFileSync(join(dir.path, HISTORY_FILE_NAME), 'utf8');
    for (const secret of await secretValues()) {
      expect(JSON.stringify(listed)).not.toContain(secret);
      expect(onDisk).not.toContain(secret);
    }
    const first = listed[0]!;
    expect(await call<HistoryEntry>('history:get', { id: first.id })).toEqual(first);
    expect((await call<HistoryEntry[]>('history:list', { requestId: first.requestId })).every((entry) => entry.requestId === first.requestId)).toBe(true);
  });

  it('shows every sample as curl with named placeholders and no secret value', async () => {
    const secrets = await secretValues();
    let named = 0;
    for (const request of tree.entries.filter((entry) => entry.kind === 'request')) {
      const result = await call<CurlResult>('requests:curl', { requestId: request.id, environmentId: (await sandboxOf(request.id)).id });
      expect(result.command.startsWith('curl -X ')).toBe(true);
      expect(result.copiedWithSecrets).toBe(false);
      for (const secret of secrets) expect(result.command).not.toContain(secret);
      if (result.command.includes('<secret:')) named++;
    }
    expect(named).toBeGreaterThan(0);
  });

  it('with includeSecrets, main copies the full command and returns only the redacted one', async () => {
    // A sample whose command carries a vault value (a secret that is sent, not only signed with).
    let request = tree.entries[0]!;
    for (const candidate of tree.entries.filter((entry) => entry.kind === 'request')) {
      const redacted = await call<CurlResult>('requests:curl', { requestId: candidate.id, environmentId: (await sandboxOf(candidate.id)).id });
      if (redacted.command.includes('<secret:')) request = candidate;
    }
    const result = await call<CurlResult>('requests:curl', { requestId: request.id, environmentId: (await sandboxOf(request.id)).id, includeSecrets: true });
    expect(result.copiedWithSecrets).toBe(true);
    expect(result.warning).toMatch(/30 seconds/);
    expect(clipboard.text.startsWith('curl -X ')).toBe(true);
    expect(clipboard.text).not.toContain('<secret');
    const secrets = await secretValues();
    expect(secrets.some((secret) => clipboard.text.includes(secret))).toBe(true);
    for (const secret of secrets) expect(result.command).not.toContain(secret);
  });

  it('clears history only with confirmation', async () => {
    const refused = await backend.dispatcher.invoke('history:clear', {}, { door: 'test' });
    expect(refused.ok).toBe(false);
    const { cleared } = await call<{ cleared: number }>('history:clear', { confirm: true });
    expect(cleared).toBeGreaterThan(0);
    expect(await call<HistoryEntry[]>('history:list', {})).toEqual([]);
  });
});
