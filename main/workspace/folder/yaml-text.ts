import { isNode, LineCounter, parseDocument, stringify } from 'yaml';
import type { z } from 'zod';
import { orderBySchema } from './key-order.ts';

/** Something wrong with one file: where, and what. Never the file's content. */
export type FileProblem = { readonly path: string; readonly line: number; readonly message: string };

/**
 * The one way a file is written: keys in schema order, no line folding (a
 * long URL stays on one line, so an edit is a one-line diff), block scalars
 * for multi-line bodies, LF and a trailing newline. A pure function of the
 * value, so the same model always gives the same bytes.
 */
export function toYaml(schema: z.ZodType, value: unknown): string {
  const text = stringify(orderBySchema(schema, value), { lineWidth: 0, minContentWidth: 0, aliasDuplicateObjects: false });
  return text.endsWith('\n') ? text : `${text}\n`;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: FileProblem };

/** Reads one file against its schema; a problem names the file and the line (1-based). */
export function fromYaml<S extends z.ZodType>(schema: S, text: string, path: string): Parsed<z.output<S>> {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const syntax = doc.errors[0];
  if (syntax) {
    const line = lines.linePos(syntax.pos[0]).line;
    return { ok: false, problem: { path, line, message: syntax.message.split('\n')[0] ?? 'not valid YAML' } };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 0 });
  } catch (error) {
    // Aliases could blow a small file up into a huge value: refused.
    return { ok: false, problem: { path, line: 1, message: error instanceof Error ? error.message : 'cannot be read' } };
  }
  const parsed = schema.safeParse(data);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0];
  const at = issue ? lineOf(doc, lines, issue.path) : 1;
  const where = issue && issue.path.length > 0 ? `${issue.path.map(String).join('.')}: ` : '';
  return { ok: false, problem: { path, line: at, message: `${where}${issue?.message ?? 'not the expected shape'}` } };
}

/** The line of the deepest node of `path` that exists in the document. */
function lineOf(doc: ReturnType<typeof parseDocument>, lines: LineCounter, path: readonly PropertyKey[]): number {
  for (let depth = path.length; depth >= 0; depth--) {
    const node: unknown = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth), true);
    if (isNode(node) && node.range) return lines.linePos(node.range[0]).line;
  }
  return 1;
}
