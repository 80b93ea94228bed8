import type { HistoryEntry } from '../../../../main/contract/history.ts';
import { CATEGORY_LABEL } from './debugger/failure-text.ts';

/** "200", "502 · Gateway status", or the failure's category when nothing came back. */
export const historyOutcomeText = (entry: HistoryEntry): string => {
  const category = entry.failure ? CATEGORY_LABEL[entry.failure.category] : null;
  if (entry.status !== null) return category ? `${String(entry.status)} · ${category}` : String(entry.status);
  return category ?? entry.errorKind ?? 'failed';
};

export const historyTimeText = (entry: HistoryEntry): string => new Date(entry.at).toLocaleTimeString();
