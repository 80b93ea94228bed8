import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../../main/services/backend.ts';
import { contractCaller, testBackend } from '../../support/backend.ts';
import { makeTempDir } from '../../support/temp-dir.ts';

// Browser mode's backend on a workspace folder: changes on disk reload it, its own saves do not.

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
});

async function openFolder(): Promise<{ backend: Backend; folder: string; events: { name: string; payload: unknown }[] }> {
  const dir = await makeTempDir();
  const backend = testBackend(join(dir.path, 'data'));
  cleanups.push(() => dir.remove(), () => backend.close());
  const events: { name: string; payload: unknown }[] = [];
  backend.bus.subscribe((name, payload) => events.push({ name, payload }));
  const folder = join(dir.path, 'repo');
  const location = await contractCaller(() => backend)<{ kind: string; watching: boolean }>('workspace:open-folder', { path: folder, create: 'current' });
  expect(location).toMatchObject({ kind: 'folder', watching: true });
  // chokidar reports ready asynchronously; give it a moment before touching files.
  await new Promise((resolve) => setTimeout(resolve, 500));
  return { backend, folder, events };
}

const until = async (check: () => boolean, ms = 5000) => {
  for (let waited = 0; waited < ms && !check(); waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
  return check();
};

describe('a watched workspace folder', () => {
  it('reloads after a change on disk and names the changed request; its own saves cause no reload', async () => {
    const { backend, folder, events } = await openFolder();
    const call = contractCaller(() => backend);
    const request = Object.values(backend.workspace.document.nodes).find((node) => node.kind === 'request' && node.name === 'Request a report');
    if (!request) throw new Error('no request');

    await call('workspace:update-request', { id: request.id, patch: { url: '{{baseUrl}}/saved-by-the-app' } });
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(events.filter((event) => event.name === 'workspace:reloaded')).toEqual([]);

    const file = join(folder, 'paynet-osp/request-a-report.request.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^url: .*$/m, 'url: "{{baseUrl}}/pulled"'));
    expect(await until(() => events.some((event) => event.name === 'workspace:reloaded'))).toBe(true);
    expect(events.find((event) => event.name === 'workspace:reloaded')?.payload).toEqual({ changed: [request.id], removed: [], problems: [] });
    expect((await call<{ url: string }>('workspace:get', { id: request.id })).url).toBe('{{baseUrl}}/pulled');
  });

  it('reports a file broken on disk by path and line and keeps serving the rest', async () => {
    const { backend, folder, events } = await openFolder();
    const file = join(folder, 'mtn-momo/request-to-pay.request.yaml');
    writeFileSync(file, `${readFileSync(file, 'utf8')}\nbroken: [\n`);
    expect(await until(() => events.some((event) => event.name === 'workspace:reloaded'))).toBe(true);
    const reloaded = events.find((event) => event.name === 'workspace:reloaded')?.payload as { removed: string[]; problems: { path: string; line: number }[] };
    expect(reloaded.problems).toEqual([expect.objectContaining({ path: 'mtn-momo/request-to-pay.request.yaml', line: expect.any(Number) as number })]);
    expect(reloaded.removed).toHaveLength(1);
    const location = await contractCaller(() => backend)<{ problems: unknown[] }>('workspace:location', {});
    expect(location.problems).toHaveLength(1);
  });
});
