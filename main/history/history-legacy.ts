import { existsSync, readFileSync, renameSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { HistoryEntry } from '../contract/history.ts';
import { HISTORY_HEADER, serializeBatch } from './history-lines.ts';
import { writeFileAtomicSync } from './atomic-write.ts';

/** Before version 2, history was one JSON document rewritten on every send. */
export const LEGACY_HISTORY_FILE_NAME = 'history.json';
const LegacyFile = z.object({ schemaVersion: z.literal(1), entries: z.array(HistoryEntry) });

/**
 * Moves a history.json into the line store once, when the line store does not exist yet.
 * A file this code cannot read (damaged, or from a newer version) is kept aside, never deleted.
 * Returns a problem to report, or null.
 */
export function migrateLegacyHistory(dataDir: string, linesFile: string, now: () => number): string | null {
  const legacy = join(dataDir, LEGACY_HISTORY_FILE_NAME);
  if (!existsSync(legacy) || existsSync(linesFile)) return null;
  let entries: HistoryEntry[];
  try {
    const parsed = LegacyFile.safeParse(JSON.parse(readFileSync(legacy, 'utf8')));
    if (!parsed.success) throw new Error('not a history file of a known version');
    entries = parsed.data.entries;
  } catch (error) {
    const kept = `${legacy}.unreadable-${String(now())}`;
    renameSync(legacy, kept);
    return `${legacy} could not be used (${error instanceof Error ? error.message : String(error)}); kept as ${kept}.`;
  }
  writeFileAtomicSync(linesFile, HISTORY_HEADER + (entries.length > 0 ? serializeBatch(entries) : '\n'));
  // Only once the new file is in place: a crash before this line leaves both, and the next start reads the new one.
  unlinkSync(legacy);
  return null;
}
