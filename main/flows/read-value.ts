import { JSONPath } from 'jsonpath-plus';
import type { ValueSource } from '../contract/flow-model.ts';
import type { ExchangeView } from './exchange-view.ts';

/** A value read from an exchange, or why there is none (said in the step's message). */
export type ReadResult = { found: true; value: string } | { found: false; reason: string };

/**
 * Reads one value. JSONPath takes the first match; an object or array match
 * is returned as JSON text. Header names match case-insensitively, the first
 * one wins. `value` sources are resolved by the caller (they need the flow's
 * variables), so `resolveTemplate` is passed in.
 */
export function readValue(source: ValueSource, view: ExchangeView, resolveTemplate: (template: string) => string): ReadResult {
  // Only a received callback has no status.
  const received = view.status === undefined ? 'the callback' : 'the response';
  switch (source.from) {
    case 'status':
      return view.status === undefined ? { found: false, reason: 'a callback has no status to read' } : { found: true, value: String(view.status) };
    case 'header':
      return header(view.headers, source.name, received);
    case 'json':
      return jsonValue(view.body, source.path, `${received} body`);
    case 'sent-header':
      return view.sent ? header(view.sent.headers.map((h) => [h.name, h.value] as const), source.name, 'the request as sent') : { found: false, reason: 'only a request step has a sent request' };
    case 'sent-json':
      return view.sent ? jsonValue(view.sent.body, source.path, 'the body as sent') : { found: false, reason: 'only a request step has a sent request' };
    case 'value':
      return { found: true, value: resolveTemplate(source.template) };
  }
}

function header(headers: readonly (readonly [string, string])[], name: string, where: string): ReadResult {
  const wanted = name.toLowerCase();
  const match = headers.find(([key]) => key.toLowerCase() === wanted);
  return match ? { found: true, value: match[1] } : { found: false, reason: `${where} has no ${name} header` };
}

function jsonValue(text: string, path: string, where: string): ReadResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { found: false, reason: `${where} is not JSON` };
  }
  if (json === null || typeof json !== 'object') {
    // jsonpath-plus only walks objects and arrays; `$` alone still means the whole value.
    return path.trim() === '$' ? { found: true, value: scalarText(json) } : { found: false, reason: `${where} is not a JSON object or array` };
  }
  let matches: unknown[];
  try {
    // eval 'safe': filter expressions run in jsonpath-plus's own evaluator, never as JavaScript.
    matches = JSONPath({ path, json, wrap: true, eval: 'safe' }) as unknown[];
  } catch (error) {
    return { found: false, reason: `the JSONPath ${path} is not valid (${error instanceof Error ? error.message : 'unreadable'})` };
  }
  if (matches.length === 0) return { found: false, reason: `${path} matched nothing in ${where}` };
  return { found: true, value: scalarText(matches[0]) };
}

function scalarText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === undefined) return '';
  return JSON.stringify(value);
}
