import type { HistoryEntry } from '../../../main/contract/history.ts';

/** A plain 200 send of "Gateway/Pay" in Sandbox, numbered so ids and times order with `n`. */
export function historyEntry(n: number, requestId = 'r1'): HistoryEntry {
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

/** What the request service knows of a send before its outcome: the start of a SendRecord. */
export const sendRecordBase = {
  id: 'h1',
  at: 1,
  durationMs: 7,
  request: { id: 'r1', name: 'Pay', method: 'POST' },
  collection: { id: 'c1', name: 'Gateway' },
  environment: { id: 'e1', name: 'Production', protected: true },
};
