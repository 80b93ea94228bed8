import type { KeyValue } from '../../../../../main/contract/workspace.ts';

/**
 * The URL field and the Params table are two views of one query.
 *
 * A saved request keeps `url` (which may hold a query, sent exactly as typed)
 * and `params`, whose enabled rows main appends after it as `name=value`, or
 * `name` alone when the value is empty (main/workspace/to-signing-request.ts).
 * The editor shows the URL main will send, and the table as the URL's own
 * query pairs followed by the stored params. An edit on either side writes
 * the rows back so that the URL's text survives unchanged (`a=` stays `a=`,
 * `%20` stays `%20`, `{{var}}` stays a template, repeats stay repeated) and an
 * unticked row stays in `params`, out of the URL.
 */

/** One row of the table; `raw` is its text in the URL when it came from there. */
export type QueryRow = { name: string; value: string; enabled: boolean; raw?: string };

export type QueryParts = { url: string; params: KeyValue[] };

/** How main writes an enabled stored param into the URL. */
export function canonicalPair(name: string, value: string): string {
  return value === '' ? name : `${name}=${value}`;
}

/** The URL main sends for this url and params, before templates are resolved. */
export function composedUrl({ url, params }: QueryParts): string {
  const query = params
    .filter((pair) => pair.enabled)
    .map((pair) => canonicalPair(pair.name, pair.value))
    .join('&');
  return query === '' ? url : `${url}${url.includes('?') ? '&' : '?'}${query}`;
}

/** Index of the first `char` outside a `{{…}}` template at or after `from`, or -1. */
function indexOutsideTemplates(text: string, char: string, from = 0): number {
  let depth = 0;
  for (let at = from; at < text.length; at++) {
    if (text.startsWith('{{', at)) {
      depth++;
      at++;
    } else if (depth > 0 && text.startsWith('}}', at)) {
      depth--;
      at++;
    } else if (depth === 0 && text[at] === char) return at;
  }
  return -1;
}

function splitOutsideTemplates(text: string, char: string): string[] {
  const parts: string[] = [];
  let start = 0;
  for (let at = indexOutsideTemplates(text, char); at !== -1; at = indexOutsideTemplates(text, char, start)) {
    parts.push(text.slice(start, at));
    start = at + 1;
  }
  parts.push(text.slice(start));
  return parts;
}

/** A URL's text split at its first `?`: the part before, and the query (null when there is no `?`). */
export function splitUrl(url: string): { base: string; query: string | null } {
  const at = indexOutsideTemplates(url, '?');
  return at === -1 ? { base: url, query: null } : { base: url.slice(0, at), query: url.slice(at + 1) };
}

export function parsePair(raw: string): QueryRow {
  const at = indexOutsideTemplates(raw, '=');
  return at === -1 ? { name: raw, value: '', enabled: true, raw } : { name: raw.slice(0, at), value: raw.slice(at + 1), enabled: true, raw };
}

/** The query's pairs as rows; a `?` with nothing after it is one blank row (what "+ Add" makes). */
export function parseQuery(query: string | null): QueryRow[] {
  if (query === null) return [];
  return splitOutsideTemplates(query, '&').map(parsePair);
}

/** The table for a saved request: the URL's own pairs, then the stored params. */
export function rowsOf({ url, params }: QueryParts): QueryRow[] {
  return [...parseQuery(splitUrl(url).query), ...params.map((pair) => ({ name: pair.name, value: pair.value, enabled: pair.enabled }))];
}

const textOf = (row: QueryRow) => row.raw ?? canonicalPair(row.name, row.value);
const asPair = (row: QueryRow): KeyValue => ({ name: row.name, value: row.value, enabled: row.enabled });

/**
 * Rows back into url + params. Enabled rows before the first unticked one go
 * into the URL as their own text; the rest stay params, in order, so the
 * table keeps its order. Should an enabled row after an unticked one have
 * text main would write differently (`a=` with an empty value), every enabled
 * row goes into the URL instead and the unticked ones follow: the sent URL is
 * kept exact at the cost of their place.
 */
export function partsOf(base: string, rows: readonly QueryRow[]): QueryParts {
  const firstOff = rows.findIndex((row) => !row.enabled);
  const head = firstOff === -1 ? rows : rows.slice(0, firstOff);
  const tail = firstOff === -1 ? [] : rows.slice(firstOff);
  const exact = tail.every((row) => !row.enabled || textOf(row) === canonicalPair(row.name, row.value));
  const inUrl = exact ? head : rows.filter((row) => row.enabled);
  const kept = exact ? tail : rows.filter((row) => !row.enabled);
  return { url: inUrl.length === 0 ? base : `${base}?${inUrl.map(textOf).join('&')}`, params: kept.map(asPair) };
}

/** A row edited in the table: its URL text follows its new name and value (an `=` before an empty value is kept). */
export function editRow(row: QueryRow, change: Partial<Pick<QueryRow, 'name' | 'value' | 'enabled'>>): QueryRow {
  const next = { ...row, ...change };
  if (change.name === undefined && change.value === undefined) return next;
  const keepEquals = next.value === '' && row.raw !== undefined && indexOutsideTemplates(row.raw, '=') !== -1;
  return { ...next, raw: keepEquals ? `${next.name}=` : canonicalPair(next.name, next.value) };
}

/** The table changed: write it back under the current URL's base. */
export function fromTable(current: QueryParts, rows: readonly QueryRow[]): QueryParts {
  return partsOf(splitUrl(current.url).base, rows);
}

/**
 * The URL field changed: its pairs replace the enabled rows; each unticked row
 * stays after as many enabled rows as it followed before (or last).
 */
export function fromUrlText(current: QueryParts, text: string): QueryParts {
  const { base, query } = splitUrl(text);
  const typed = parseQuery(query);
  const old = rowsOf(current);
  const rows: QueryRow[] = [];
  let enabledBefore = 0;
  const waiting: { after: number; row: QueryRow }[] = [];
  for (const row of old) {
    if (row.enabled) enabledBefore++;
    else waiting.push({ after: enabledBefore, row });
  }
  let next = 0;
  const flush = (count: number) => {
    while (next < waiting.length && (waiting[next]?.after ?? 0) <= count) rows.push((waiting[next++] as { row: QueryRow }).row);
  };
  flush(0);
  typed.forEach((row, index) => {
    rows.push(row);
    flush(index + 1);
  });
  while (next < waiting.length) rows.push((waiting[next++] as { row: QueryRow }).row);
  // No rows to keep elsewhere: the text is stored exactly as typed (a trailing `?` included).
  if (waiting.length === 0) return { url: text, params: [] };
  return partsOf(base, rows);
}
