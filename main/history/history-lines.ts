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

/**
 * The newest `keep` entry lines of a file, byte for byte, for compaction: nothing is parsed, validated or
 * re-serialized (a compaction of a full file ran the schema over ~1,000 entries, ~0.5 s of the CLI's
 * event loop). A line that does not end its object (torn by a crash) is dropped; any other line that is
 * not a valid entry is kept and skipped when read. The header line is recognized only as the first.
 */
export function newestEntryLines(text: string, keep: number): { lines: string[]; newerVersion: number | null } {
  const all = text.split('\n');
  let newerVersion: number | null = null;
  let first = 0;
  const head = all[0] ?? '';
  if (head.startsWith('{"countersign"')) {
    first = 1;
    const value = parseOrNull(head);
    if (isHeader(value) && value.schemaVersion > HISTORY_LINES_VERSION) newerVersion = value.schemaVersion;
  }
  const lines: string[] = [];
  for (let index = all.length - 1; index >= first && lines.length < keep; index--) {
    const line = all[index] ?? '';
    if (!line.startsWith('{') || !line.endsWith('}')) continue;
    lines.push(line);
  }
  return { lines: lines.reverse(), newerVersion };
}

function parseOrNull(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return null;
  }
}

/** A batch as appended: a leading newline ends any torn line a crash left, so it never swallows the first entry. */
export function serializeBatch(entries: readonly HistoryEntry[]): string {
  return batchOfLines(entries.map((entry) => JSON.stringify(entry)));
}

/** Lines already serialized, framed as a batch. */
export function batchOfLines(lines: readonly string[]): string {
  return `\n${lines.join('\n')}\n`;
}
