import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AssertionResult } from '../../../main/contract/assertions.ts';
import { HistoryEntry } from '../../../main/contract/history.ts';
import { Redactor } from '../../../main/core/redactor.ts';
import { draftHistoryEntry } from '../../../main/history/history-entry.ts';
import { createHistoryFileStore, HISTORY_FILE_NAME } from '../../../main/history/history-file.ts';
import { createHistoryService } from '../../../main/history/history-service.ts';
import { historyEntry, sendRecordBase } from './history-fixture.ts';

const SECRET = 'tok_live_9f8e7d6c5b4a';
const RESULTS: AssertionResult[] = [
  { index: 0, kind: 'status', label: 'status is 2xx', passed: true, actual: '200', message: 'The status is 200.' },
  { index: 2, kind: 'jsonpath', label: '$.status equals OK', passed: false, actual: '"PENDING"', message: '$.status is PENDING, expected OK.' },
];

/** A line exactly as History wrote it before it kept assertion results (schema 2, no `assertions`). */
const OLD_LINE =
  '{"id":"old-1","at":1700000000001,"requestId":"r1","requestName":"Pay","method":"POST","collectionId":"c1","collectionName":"Gateway","environment":{"id":"e1","name":"Sandbox","protected":false},"summary":{"method":"POST","url":"http://127.0.0.1/pay","headers":[],"bodyPreview":""},"exchanges":[],"failure":null,"status":200,"errorKind":null,"errorMessage":null,"durationMs":12,"bytes":34}';

describe('assertion results in History', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'countersign-history-assertions-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const reopen = () => createHistoryService({ store: createHistoryFileStore(dir) });

  it('still loads lines written before results were kept, and appends new ones after them', async () => {
    writeFileSync(join(dir, HISTORY_FILE_NAME), `{"countersign":"history","schemaVersion":2}\n${OLD_LINE}\n`);
    const history = reopen();
    const [old] = history.list();
    expect(old?.id).toBe('old-1');
    expect(old?.assertions).toBeUndefined();
    history.record({ ...historyEntry(2), assertions: RESULTS });
    await history.flush();
    expect(reopen().list().map((entry) => [entry.id, entry.assertions?.length])).toEqual([
      ['h2', 2],
      ['old-1', undefined],
    ]);
  });

  it('round-trips each result (label, pass or fail, actual value, message) through the file', async () => {
    const history = reopen();
    history.record({ ...historyEntry(1), assertions: RESULTS });
    await history.flush();
    expect(reopen().get('h1').assertions).toEqual(RESULTS);
  });

  it('writes lines that a reader without the field still reads: the file needs no new schema version', async () => {
    const history = reopen();
    history.record({ ...historyEntry(1), assertions: RESULTS });
    await history.flush();
    const [header, line] = readFileSync(join(dir, HISTORY_FILE_NAME), 'utf8').split('\n').filter((text) => text !== '');
    expect(JSON.parse(header ?? '')).toEqual({ countersign: 'history', schemaVersion: 2 });
    const olderReader = HistoryEntry.omit({ assertions: true });
    expect(olderReader.safeParse(JSON.parse(line ?? '')).success).toBe(true);
  });

  it('stores an actual value that held a secret redacted, as a send records it', async () => {
    const redactor = new Redactor().add(SECRET);
    const leaking: AssertionResult = { index: 0, kind: 'jsonpath', label: '$.token equals expected', passed: false, actual: `"${SECRET}"`, message: `$.token is ${SECRET}, expected expected.` };
    const draft = draftHistoryEntry({
      ...sendRecordBase,
      summary: null,
      outcome: { ok: false, error: { kind: 'timeout', message: 'No answer.' }, redirects: [] },
      assertions: [leaking],
    });
    const history = reopen();
    // The request service walks every entry with the send's redactor before it records it.
    history.record(redactor.redactDeep(draft));
    await history.flush();
    const onDisk = readFileSync(join(dir, HISTORY_FILE_NAME), 'utf8');
    expect(onDisk).not.toContain(SECRET);
    expect(reopen().get('h1').assertions?.[0]).toMatchObject({ passed: false, actual: '"[redacted]"', message: '$.token is [redacted], expected expected.' });
  });
});
