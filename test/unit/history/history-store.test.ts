import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../../main/contract/history.ts';
import { createHistoryFileStore, HISTORY_FILE_NAME, HISTORY_SCHEMA_VERSION } from '../../../main/history/history-file.ts';
import { createHistoryService } from '../../../main/history/history-service.ts';

function entry(n: number, requestId = 'r1'): HistoryEntry {
  return {
    id: `h${String(n)}`,
    at: 1_700_000_000_000 + n,
    requestId,
    requestName: 'Pay',
    method: 'POST',
    collectionId: 'c1',
    collectionName: 'Gateway',
    environment: { id: 'e1', name: 'Sandbox', protected: false },
    status: 200,
    errorKind: null,
    errorMessage: null,
    durationMs: 12,
    bytes: 34,
    summary: { method: 'POST', url: 'http://127.0.0.1/pay', headers: [], bodyPreview: '' },
  };
}

describe('history storage', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'countersign-history-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps only the newest entries past the limit, and lists newest first', () => {
    const history = createHistoryService({ store: createHistoryFileStore(dir), limit: 3 });
    for (let n = 1; n <= 5; n++) history.record(entry(n));
    expect(history.list().map((e) => e.id)).toEqual(['h5', 'h4', 'h3']);
    const reopened = createHistoryService({ store: createHistoryFileStore(dir), limit: 3 });
    expect(reopened.list().map((e) => e.id)).toEqual(['h5', 'h4', 'h3']);
  });

  it('writes a versioned file with mode 0600 and leaves no temp file behind', () => {
    const history = createHistoryService({ store: createHistoryFileStore(dir) });
    history.record(entry(1));
    const file = join(dir, HISTORY_FILE_NAME);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ schemaVersion: HISTORY_SCHEMA_VERSION, entries: [{ id: 'h1' }] });
    expect(readdirSync(dir)).toEqual([HISTORY_FILE_NAME]);
  });

  it('filters by request, gets one entry, and clears everything', () => {
    const changes: number[] = [];
    const history = createHistoryService({ store: createHistoryFileStore(dir), onChange: (count) => changes.push(count) });
    history.record(entry(1, 'a'));
    history.record(entry(2, 'b'));
    history.record(entry(3, 'a'));
    expect(history.list({ requestId: 'a' }).map((e) => e.id)).toEqual(['h3', 'h1']);
    expect(history.get('h2').requestId).toBe('b');
    expect(history.clear()).toEqual({ cleared: 3 });
    expect(history.list()).toEqual([]);
    expect(() => history.get('h2')).toThrow(/no longer exists/);
    expect(changes).toEqual([1, 2, 3, 0]);
    expect(createHistoryService({ store: createHistoryFileStore(dir) }).list()).toEqual([]);
  });

  it('two processes on one data directory keep each other\'s sends', () => {
    const app = createHistoryService({ store: createHistoryFileStore(dir) });
    const cli = createHistoryService({ store: createHistoryFileStore(dir) });
    app.record(entry(1));
    cli.record(entry(2));
    app.record(entry(3));
    expect(app.list().map((e) => e.id)).toEqual(['h3', 'h2', 'h1']);
    expect(cli.get('h3').id).toBe('h3');
  });

  it('sets aside a file from a newer version instead of overwriting it', () => {
    const file = join(dir, HISTORY_FILE_NAME);
    writeFileSync(file, JSON.stringify({ schemaVersion: HISTORY_SCHEMA_VERSION + 1, entries: [] }));
    const history = createHistoryService({ store: createHistoryFileStore(dir, () => 42) });
    expect(history.loadProblem).toContain('unreadable-42');
    expect(history.list()).toEqual([]);
    expect(readdirSync(dir)).toEqual([`${HISTORY_FILE_NAME}.unreadable-42`]);
  });
});
