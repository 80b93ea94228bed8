import { z } from 'zod';
import type { VaultFileProblemCode } from '../../contract/vault.ts';
import { VAULT_SCHEMA_VERSION, VaultDocument } from './vault-document.ts';

/** Why a vault file cannot be used, named precisely enough for a person to act on. */
export class VaultFileProblem extends Error {
  readonly code: VaultFileProblemCode;
  readonly file: string;
  constructor(code: VaultFileProblemCode, file: string, message: string) {
    super(message);
    this.name = 'VaultFileProblem';
    this.code = code;
    this.file = file;
  }
}

/**
 * Parses the bytes of a vault (or backup) file. Throws VaultFileProblem; the
 * message names what is wrong (never the file's content) so the UI can say it.
 */
export function parseVaultBytes(raw: Buffer, file: string, expectedFormat: VaultDocument['format']): VaultDocument {
  const noun = expectedFormat === 'countersign-vault' ? 'The vault file' : 'The backup file';
  // "The vault file /path/vault.json"; an imported backup arrives as text and has no path.
  const subject = file ? `${noun} ${file}` : noun.replace(/ file$/, '');
  if (raw.length === 0 || raw.toString('utf8').trim() === '') {
    throw new VaultFileProblem('empty', file, `${subject} is empty.`);
  }
  let json: unknown;
  try {
    json = JSON.parse(raw.toString('utf8'));
  } catch (error) {
    const truncated = error instanceof SyntaxError && /end of (json )?input|unterminated/i.test(error.message);
    throw truncated
      ? new VaultFileProblem('truncated', file, `${subject} is truncated: it ends in the middle of its data (${raw.length} bytes).`)
      : new VaultFileProblem('not_json', file, `${subject} is corrupt: it is not valid JSON.`);
  }
  const head = z.object({ format: z.string(), version: z.number() }).safeParse(json);
  if (!head.success || head.data.format !== expectedFormat) {
    throw new VaultFileProblem('not_a_vault', file, `${subject} is not a Countersign ${expectedFormat === 'countersign-vault' ? 'vault' : 'vault backup'}.`);
  }
  if (head.data.version > VAULT_SCHEMA_VERSION) {
    throw new VaultFileProblem(
      'newer_version',
      file,
      `${subject} has schema version ${head.data.version}, written by a newer Countersign; this one reads up to version ${VAULT_SCHEMA_VERSION}.`,
    );
  }
  const parsed = VaultDocument.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first ? first.path.map(String).join('.') : '';
    throw new VaultFileProblem('invalid_structure', file, `${subject} is damaged: ${where || 'its structure'} is not valid (${first?.message ?? 'unknown problem'}).`);
  }
  return parsed.data;
}
