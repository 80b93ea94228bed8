import { createHash } from 'node:crypto';
import { WORKSPACE_SCHEMA_VERSION, type WorkspaceDocument } from '../contract/workspace.ts';
import { repairMethods } from './repair-methods.ts';
import { schemaFingerprint } from './schema-fingerprint.ts';

/**
 * workspace.json as Countersign writes it begins with a seal: the SHA-256 of
 * the rest of the text, keyed to the format version and to a fingerprint of
 * the stored schema (schema-fingerprint.ts). A file whose seal still
 * matches is exactly what this version wrote from a checked document, so
 * loading it skips the full schema check, most of a CLI command's start-up
 * after module loading. A file changed by hand (or by an older version) no
 * longer matches and is checked in full, with the same clear error as before;
 * so is every file once after the schema changes, bumped version or not.
 *
 * Not a security boundary: whoever can write the file can write a matching
 * seal. It only tells "unchanged since written".
 */
const PREFIX = '{"sealed":"';
const HEX_LENGTH = 64;
const BODY_START = PREFIX.length + HEX_LENGTH + 2;

function digest(body: string, fingerprint: string): string {
  return createHash('sha256').update(`countersign workspace format ${String(WORKSPACE_SCHEMA_VERSION)} schema ${fingerprint}\n`).update(body).digest('hex');
}

/**
 * `json` is JSON.stringify of an object with at least one key; the result is the same object with the seal first.
 * `fingerprint` is the current schema's; tests pass another to stand for an older schema.
 */
export function sealWritten(json: string, fingerprint: string = schemaFingerprint()): string {
  if (!json.startsWith('{') || json === '{}') return json;
  return `${PREFIX}${digest(json, fingerprint)}",${json.slice(1)}`;
}

/** The stored document when `text` carries a seal matching this format and schema; null means "check it in full". */
export function trustedDocument(text: string, stored: unknown, fingerprint: string = schemaFingerprint()): WorkspaceDocument | null {
  if (!text.startsWith(PREFIX) || text.slice(BODY_START - 2, BODY_START) !== '",') return null;
  if (digest(`{${text.slice(BODY_START)}`, fingerprint) !== text.slice(PREFIX.length, PREFIX.length + HEX_LENGTH)) return null;
  // The cheap part of the check stays: the shape every reader of the document relies on.
  if (!isRecord(stored) || stored.schemaVersion !== WORKSPACE_SCHEMA_VERSION || !Array.isArray(stored.collections) || !isRecord(stored.nodes)) return null;
  return repairMethods(stored as WorkspaceDocument);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
