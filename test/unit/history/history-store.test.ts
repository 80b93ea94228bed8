import { appendFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../../main/contract/history.ts';
import { createHistoryFileStore, HISTORY_FILE_NAME, HISTORY_SCHEMA_VERSION, LEGACY_HISTORY_FILE_NAME } from '../../../main/history/history-file.ts';
import { createHistoryService } from '../../../main/history/history-service.ts';
import { historyEntry as entry } from './history-fixture.ts';

const linesOf = (file: string) => readFileSync(file, 'utf8').split('\n').filter((line) => line.trim() !== '');

describe('history storage', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'countersign-history-'));
    file = join(dir, HISTORY_FILE_NAME);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps only the newest entries past the limit, and lists newest first', async () => {
    const history = createHistoryService({ store: createHistoryFileStore(dir), limit: 3 });
    for (let n = 1; n <= 5; n++) history.record(entry(n));
    expect(history.list().map((e) => e.id)).toEqual(['h5', 'h4', 'h3']);
    await history.flush();
    const reopened = createHistoryService({ store: createHistoryFileStore(dir), limit: 3 });
    expect(reopened.list().map((e) => e.id)).toEqual(['h5', 'h4', 'h3']);
  });

  it('does not touch the disk while a send records, and writes the entries soon after', async () => {
    const history = createHistoryService({ store: createHistoryFileStore(dir) });
    history.record(entry(1));
    history.record(entry(2));
    expect(readdirSync(dir)).toEqual([]);
    await history.flush();
    expect(linesOf(file).slice(1).map((line) => (JSON.parse(line) as HistoryEntry).id)).toEqual(['h1', 'h2']);
  });

  it('keeps the file bounded: compacted to the newest entries once it holds about twice the limit', async () => {
    const history = createHistoryService({ store: createHistoryFileStore(dir), limit: 10 });
    for (let n = 1; n <= 45; n++) {
      history.record(entry(n));
      // One batch per send, as at concurrency 1.
      await history.flush();
    }
    const entries = linesOf(file).slice(1);
    expect(entries.length).toBeLessThanOrEqual(21);
    expect((JSON.parse(entries.at(-1)!) as HistoryEntry).id).toBe('h45');
    expect(createHistoryService({ store: createHistoryFileStore(dir), limit: 10 }).list().map((e) => e.id)).toEqual(
      Array.from({ length: 10 }, (_, i) => `h${String(45 - i)}`),
    );
  });

  it('writes a versioned file with mode 0600 and leaves no temp file behind', async () => {
    const history = createHistoryService({ store: createHistoryFileStore(dir), limit: 2 });
    for (let n = 1; n <= 8; n++) {
      history.record(entry(n));
      await history.flush();
    }
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.parse(linesOf(file)[0]!)).toEqual({ countersign: 'history', schemaVersion: HISTORY_SCHEMA_VERSION });
    expect(readdirSync(dir)).toEqual([HISTORY_FILE_NAME]);
    await history.clear();
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir)).toEqual([HISTORY_FILE_NAME]);
  });

  it('filters by request, gets one entry, and clears everything', async () => {
    const changes: number[] = [];
    const history = createHistoryService({ store: createHistoryFileStore(dir), onChange: (count) => changes.push(count) });
    history.record(entry(1, 'a'));
    history.record(entry(2, 'b'));
    history.record(entry(3, 'a'));
    expect(history.list({ requestId: 'a' }).map((e) => e.id)).toEqual(['h3', 'h1']);
    expect(history.get('h2').requestId).toBe('b');
    expect(await history.clear()).toEqual({ cleared: 3 });
    expect(history.list()).toEqual([]);
    expect(() => history.get('h2')).toThrow(/no longer exists/);
    expect(changes).toEqual([1, 2, 3, 0]);
    expect(createHistoryService({ store: createHistoryFileStore(dir) }).list()).toEqual([]);
  });

  it("two processes on one data directory keep each other's sends", async () => {
    const app = createHistoryService({ store: createHistoryFileStore(dir) });
    const cli = createHistoryService({ store: createHistoryFileStore(dir) });
    app.record(entry(1));
    await app.flush();
    cli.record(entry(2));
    await cli.flush();
    app.record(entry(3));
    expect(app.list().map((e) => e.id)).toEqual(['h3', 'h2', 'h1']);
    await app.flush();
    expect(cli.get('h3').id).toBe('h3');
    await cli.clear();
    expect(app.list()).toEqual([]);
  });

  it('skips a line torn by a crash, and the next batch is not swallowed by it', async () => {
    const first = createHistoryService({ store: createHistoryFileStore(dir) });
    first.record(entry(1));
    await first.flush();
    // A crash in the middle of the next write.
    appendFileSync(file, JSON.stringify(entry(2)).slice(0, 40));
    const next = createHistoryService({ store: createHistoryFileStore(dir) });
    expect(next.list().map((e) => e.id)).toEqual(['h1']);
    next.record(entry(3));
    await next.flush();
    expect(createHistoryService({ store: createHistoryFileStore(dir) }).list().map((e) => e.id)).toEqual(['h3', 'h1']);
  });

  it('moves an existing history.json into the new file once', async () => {
    writeFileSync(join(dir, LEGACY_HISTORY_FILE_NAME), JSON.stringify({ schemaVersion: 1, entries: [entry(1), entry(2)] }));
    const history = createHistoryService({ store: createHistoryFileStore(dir) });
    history.record(entry(3));
    await history.flush();
    expect(readdirSync(dir)).toEqual([HISTORY_FILE_NAME]);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(createHistoryService({ store: createHistoryFileStore(dir) }).list().map((e) => e.id)).toEqual(['h3', 'h2', 'h1']);
  });

  it('sets aside a history.json it cannot read instead of deleting it', () => {
    writeFileSync(join(dir, LEGACY_HISTORY_FILE_NAME), '{"schemaVersion": 1, "entries": [');
    const problems: string[] = [];
    const history = createHistoryService({ store: createHistoryFileStore(dir, () => 7), onLoadProblem: (problem) => problems.push(problem) });
    expect(history.list()).toEqual([]);
    expect(problems.join()).toContain('unreadable-7');
    expect(readdirSync(dir)).toContain(`${LEGACY_HISTORY_FILE_NAME}.unreadable-7`);
  });

  it('sets aside a file from a newer version instead of overwriting it', () => {
    writeFileSync(file, `${JSON.stringify({ countersign: 'history', schemaVersion: HISTORY_SCHEMA_VERSION + 1 })}\n`);
    const history = createHistoryService({ store: createHistoryFileStore(dir, () => 42) });
    expect(history.loadProblem).toContain('unreadable-42');
    expect(history.list()).toEqual([]);
    expect(readdirSync(dir)).toEqual([`${HISTORY_FILE_NAME}.unreadable-42`]);
  });

  it('writes recorded entries by itself shortly after, in one append, without a flush', async () => {
    const history = createHistoryService({ store: createHistoryFileStore(dir), batchMs: 10 });
    for (let n = 1; n <= 3; n++) history.record(entry(n));
    for (let i = 0; i < 200 && !existsSync(file); i++) await new Promise((resolve) => setTimeout(resolve, 5));
    await new Promise((resolve) => setTimeout(resolve, 50));
    // Header, then one batch: three entries with no blank line between them (each append starts with one).
    expect(readFileSync(file, 'utf8').split('\n').slice(1).map((line) => (line === '' ? '' : (JSON.parse(line) as HistoryEntry).id))).toEqual(['h1', 'h2', 'h3', '']);
  });

  it('compaction keeps the newest lines byte for byte and drops lines torn by a crash', async () => {
    const store = createHistoryFileStore(dir);
    await store.append([entry(1), entry(2)]);
    appendFileSync(file, JSON.stringify(entry(3)).slice(0, 40));
    // Key order that JSON.stringify of a parsed entry would not keep: the line must survive as written.
    const { id, ...rest } = entry(4);
    const written = JSON.stringify({ ...rest, id });
    appendFileSync(file, `\n${written}\n`);
    await store.append([entry(5)]);
    await store.compact(2);
    const lines = linesOf(file);
    expect(lines.slice(1)).toEqual([written, JSON.stringify(entry(5))]);
    await store.compact(10);
    expect(createHistoryService({ store: createHistoryFileStore(dir) }).list().map((e) => e.id)).toEqual(['h5', 'h4']);
  });

  it('compaction leaves a file from a newer version alone', async () => {
    const newer = `${JSON.stringify({ countersign: 'history', schemaVersion: HISTORY_SCHEMA_VERSION + 1 })}\n${JSON.stringify(entry(1))}\n${JSON.stringify(entry(2))}\n`;
    writeFileSync(file, newer);
    await createHistoryFileStore(dir).compact(1);
    expect(readFileSync(file, 'utf8')).toBe(newer);
  });

  it('an entry whose exchanges break the file schema is written without them, never skipped on reading', async () => {
    const huge = { ...entry(1), exchanges: Array.from({ length: 50 }, () => ({ role: 'call' })) } as unknown as HistoryEntry;
    const history = createHistoryService({ store: createHistoryFileStore(dir) });
    history.record(huge);
    await history.flush();
    const [read] = createHistoryService({ store: createHistoryFileStore(dir) }).list();
    expect(read?.id).toBe('h1');
    expect(read?.exchanges).toBeUndefined();
  });

  it('reports a failed write without failing the send, and keeps the entry for this process', async () => {
    writeFileSync(join(dir, 'blocker'), '');
    const errors: unknown[] = [];
    // The data directory is a file: every write fails.
    const history = createHistoryService({ store: createHistoryFileStore(join(dir, 'blocker')), onWriteError: (error) => errors.push(error) });
    expect(() => history.record(entry(1))).not.toThrow();
    await history.flush();
    expect(errors).toHaveLength(1);
    expect(history.list().map((e) => e.id)).toEqual(['h1']);
  });
});
