import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
// VAULT_FILE_NAME in main/vault/file/, spelled out so the agent process loads none of the vault's code.
const VAULT_FILE_NAME = 'vault.json';

/**
 * A digest of what decides who may open the vault: its id and passphrase
 * wrappers. A passphrase change or a re-keyed vault changes it; adding or
 * removing secrets does not. The agent serves its key only while it is unchanged.
 */
export function keyWrappingDigest(document: { vaultId: string; wrappers: readonly { type: string }[] }): string {
  const passphraseWrappers = document.wrappers.filter((wrapper) => wrapper.type === 'passphrase');
  return createHash('sha256').update(JSON.stringify({ vaultId: document.vaultId, wrappers: passphraseWrappers })).digest('hex');
}

/** The digest of the vault file in `dataDir` now, or null when it is missing or unreadable as a vault. */
export async function currentKeyWrapping(dataDir: string): Promise<string | null> {
  try {
    const parsed: unknown = JSON.parse(await readFile(join(dataDir, VAULT_FILE_NAME), 'utf8'));
    if (typeof parsed !== 'object' || parsed === null) return null;
    const { vaultId, wrappers } = parsed as { vaultId?: unknown; wrappers?: unknown };
    if (typeof vaultId !== 'string' || !Array.isArray(wrappers)) return null;
    if (!wrappers.every((wrapper): wrapper is { type: string } => typeof wrapper === 'object' && wrapper !== null && typeof (wrapper as { type?: unknown }).type === 'string')) return null;
    return keyWrappingDigest({ vaultId, wrappers });
  } catch {
    return null;
  }
}
