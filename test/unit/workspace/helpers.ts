import { afterEach, beforeEach } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sequentialIds } from '../../../main/workspace/ids.ts';
import { WorkspaceService, type WorkspaceServiceOptions } from '../../../main/workspace/workspace-service.ts';
import { createWorkspaceFileStore } from '../../../main/workspace/workspace-store.ts';

export type TempDir = { dir: string; cleanup: () => void };

export function tempDir(): TempDir {
  const dir = mkdtempSync(join(tmpdir(), 'countersign-workspace-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A service on a workspace file in `dir`, with readable ids and a fixed clock. */
export function openService(dir: string, extra: Partial<WorkspaceServiceOptions> = {}): WorkspaceService {
  return new WorkspaceService({ store: createWorkspaceFileStore(dir, () => 1_700_000_000_000), ids: sequentialIds('n'), now: () => new Date('2026-01-02T03:04:05Z'), ...extra });
}

/** A collection with folder "Payments" holding request "Pay", and a loose request "Ping" at the root. */
export function smallTree(service: WorkspaceService): { collection: string; folder: string; pay: string; ping: string } {
  const collection = service.create({ kind: 'collection', name: 'Gateway' }).id;
  const folder = service.create({ kind: 'folder', parentId: collection, name: 'Payments' }).id;
  const pay = service.create({ kind: 'request', parentId: folder, name: 'Pay', method: 'post', url: '{{baseUrl}}/pay' }).id;
  const ping = service.create({ kind: 'request', parentId: collection, name: 'Ping', url: '{{baseUrl}}/ping' }).id;
  return { collection, folder, pay, ping };
}

/** A fresh service on a temp workspace file for each test of the file that calls it (in its body, not in a test). */
export function serviceForEachTest(): () => WorkspaceService {
  let temp: TempDir | undefined;
  let service: WorkspaceService | undefined;
  beforeEach(() => {
    temp = tempDir();
    service = openService(temp.dir);
  });
  afterEach(() => temp?.cleanup());
  return () => {
    if (!service) throw new Error('serviceForEachTest: read the service inside a test');
    return service;
  };
}
