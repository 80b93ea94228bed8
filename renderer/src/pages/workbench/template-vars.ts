import type { DynamicVariable } from '../../../../main/contract/auth.ts';
import type { Environment } from '../../../../main/contract/workspace.ts';

/** A piece of a templated string: plain text or a `{{name}}` reference. */
export type TemplatePiece = { kind: 'text'; text: string } | { kind: 'var'; text: string; name: string; resolved: boolean };

const TEMPLATE = /\{\{\s*([^{}]+?)\s*\}\}/g;

/** Names that a template may use in this environment: enabled variables, and vault names as `secret:name`. */
export function knownNames(environment: Environment | undefined, secretNames: readonly string[]): Set<string> {
  const names = new Set<string>();
  for (const variable of environment?.variables ?? []) if (variable.enabled) names.add(variable.name);
  for (const name of secretNames) names.add(`secret:${name}`);
  return names;
}

// Made at send time, so they always resolve; any other `$name` is refused by the signer. The
// type keeps this list to names the contract declares.
const DYNAMIC: ReadonlySet<string> = new Set<DynamicVariable>(['$uuid', '$timestamp', '$isoTimestamp', '$nonce', '$randomInt']);

function resolves(name: string, known: ReadonlySet<string>): boolean {
  return DYNAMIC.has(name) || known.has(name);
}

export function splitTemplate(text: string, known: ReadonlySet<string>): TemplatePiece[] {
  const pieces: TemplatePiece[] = [];
  let last = 0;
  for (const match of text.matchAll(TEMPLATE)) {
    const name = match[1] ?? '';
    if (match.index > last) pieces.push({ kind: 'text', text: text.slice(last, match.index) });
    pieces.push({ kind: 'var', text: match[0], name, resolved: resolves(name, known) });
    last = match.index + match[0].length;
  }
  if (last < text.length) pieces.push({ kind: 'text', text: text.slice(last) });
  return pieces;
}

/** Every unresolved name in these strings, once each, in order of appearance. */
export function unresolvedNames(texts: readonly string[], known: ReadonlySet<string>): string[] {
  const missing = new Set<string>();
  for (const text of texts) {
    for (const piece of splitTemplate(text, known)) if (piece.kind === 'var' && !piece.resolved) missing.add(piece.name);
  }
  return [...missing];
}

/** Every name used in these strings, once each, in order of appearance (what the editor asks main to resolve). */
export function templateNames(texts: readonly string[]): string[] {
  const names = new Set<string>();
  for (const text of texts) for (const match of text.matchAll(TEMPLATE)) names.add(match[1] ?? '');
  names.delete('');
  return [...names];
}

export function hasTemplate(text: string): boolean {
  return /\{\{\s*[^{}]+?\s*\}\}/.test(text);
}
