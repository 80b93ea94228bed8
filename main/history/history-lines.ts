import { HistoryEntry } from '../contract/history.ts';

/** The first line of every history file; a newer version's file is set aside, never rewritten. */
export const HISTORY_LINES_VERSION = 2;
export const HISTORY_HEADER = JSON.stringify({ countersign: 'history', schemaVersion: HISTORY_LINES_VERSION });

export type ParsedLines = {
  entries: HistoryEntry[];
  /** Lines that were not a valid entry (a torn write after a crash, a damaged byte): skipped. */
  skipped: number;
  /** Set when the header names a newer schema version than this code reads. */
  newerVersion: number | null;
};

/** One entry per line. Blank lines separate append batches and mean nothing. */
export function parseHistoryLines(text: string): ParsedLines {
  const entries: HistoryEntry[] = [];
  let skipped = 0;
  let newerVersion: number | null = null;
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      skipped++;
      continue;
    }
    if (isHeader(value)) {
      if (value.schemaVersion > HISTORY_LINES_VERSION) newerVersion = value.schemaVersion;
      continue;
    }
    const parsed = HistoryEntry.safeParse(value);
    if (parsed.success) entries.push(parsed.data);
    else skipped++;
  }
  return { entries, skipped, newerVersion };
}

function isHeader(value: unknown): value is { schemaVersion: number } {
  return typeof value === 'object' && value !== null && (value as { countersign?: unknown }).countersign === 'history' && typeof (value as { schemaVersion?: unknown }).schemaVersion === 'number';
}

/** A batch as appended: a leading newline ends any torn line a crash left, so it never swallows the first entry. */
export function serializeBatch(entries: readonly HistoryEntry[]): string {
  return `\n${entries.map((entry) => JSON.stringify(entry)).join('\n')}\n`;
}
