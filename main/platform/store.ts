import { existsSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The slice of the conf / electron-store API the services use. Electron gives
 * them electron-store; browser mode, the CLI and tests give them conf. Both
 * write atomically and take a directory, so tests point them at a temp dir.
 */
export interface KeyValueStore<T extends Record<string, unknown>> {
  get<K extends keyof T & string>(key: K): T[K];
  set<K extends keyof T & string>(key: K, value: T[K]): void;
  readonly store: T;
  readonly path: string;
}

export type StoreFactory = <T extends Record<string, unknown>>(name: string, defaults: T) => KeyValueStore<T>;

/** Files holding user data are readable by their owner only. */
export const STORE_FILE_MODE = 0o600;

/**
 * Opens a store; if its file cannot be parsed, or parses to something of
 * another shape than the store's defaults (see shapeProblem), the file is
 * moved aside (kept, never overwritten), the user is told where, and the
 * store starts afresh.
 */
export function openKeepingUnreadable<S>(
  dataDir: string,
  name: string,
  open: () => S,
  warn: (message: string) => void,
  defaults: Record<string, unknown> = {},
): S {
  const file = join(dataDir, `${name}.json`);
  const setAside = (why: string) => {
    const kept = `${file}.unreadable-${Date.now()}`;
    renameSync(file, kept);
    warn(`${file} could not be read (${why}); it was kept as ${kept} and defaults are in use.`);
  };
  const problem = existingShapeProblem(file, defaults);
  if (problem) setAside(problem);
  try {
    return open();
  } catch (error) {
    if (!existsSync(file)) throw error;
    setAside(error instanceof Error ? error.message : String(error));
    return open();
  }
}

// Unparseable text is left to the store's own reader (its error is the clearer message).
function existingShapeProblem(file: string, defaults: Record<string, unknown>): string | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  if (text.trim() === '') return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  return shapeProblem(parsed, defaults);
}

/**
 * Whether stored JSON has the shape of a store's defaults: an object whose
 * fields named in the defaults hold the same kind of value (object, array,
 * string, number, boolean; a null default accepts anything). Fields the
 * defaults do not name are the services' business. Returns why not, or null.
 */
export function shapeProblem(value: unknown, defaults: Record<string, unknown>): string | null {
  if (kindOf(value) !== 'object') return `it holds ${article(kindOf(value))}, not an object`;
  const record = value as Record<string, unknown>;
  for (const [key, fallback] of Object.entries(defaults)) {
    if (!Object.hasOwn(record, key) || fallback === null || fallback === undefined) continue;
    const expected = kindOf(fallback);
    const found = kindOf(record[key]);
    if (found !== expected) return `"${key}" holds ${article(found)}, not ${article(expected)}`;
  }
  return null;
}

type Kind = 'object' | 'array' | 'string' | 'number' | 'boolean' | 'null';

function kindOf(value: unknown): Kind {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return 'array';
  const type = typeof value;
  return type === 'string' || type === 'number' || type === 'boolean' ? type : 'object';
}

function article(kind: Kind): string {
  return kind === 'null' ? 'null' : kind === 'array' || kind === 'object' ? `an ${kind}` : `a ${kind}`;
}
