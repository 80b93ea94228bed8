import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import type { SecretKind } from '../../contract/vault.ts';

/** What the index MAC covers: everything in the file that GCM does not already authenticate. */
export type IndexedEntry = {
  environment: string;
  name: string;
  kind: SecretKind;
  createdAt: string;
  updatedAt: string;
  hint: string | null;
  /** Covered when present (vault version 2), so a host cannot be added to a secret by editing the file. */
  hosts?: readonly string[] | undefined;
};
export type IndexContent = { vaultId: string; autoLockMinutes: number; secrets: readonly IndexedEntry[] };

/**
 * An HMAC over the vault's metadata under a key derived from the data key.
 * It catches an edited hint or date, a renamed entry, and an entry removed
 * from or added to the file, none of which per-secret GCM would notice.
 */
export function computeIndexMac(dataKey: Buffer, content: IndexContent): Buffer {
  const macKey = Buffer.from(hkdfSync('sha256', dataKey, Buffer.alloc(0), 'countersign/vault-index-mac/v1', 32));
  try {
    const rows = [...content.secrets]
      .sort((a, b) => compare(`${a.environment}\u0000${a.name}`, `${b.environment}\u0000${b.name}`))
      // Version 1 rows have six fields; a seventh (the hosts) makes a version 2 row, so one cannot pass for the other.
      .map((s) => (s.hosts === undefined ? [s.environment, s.name, s.kind, s.createdAt, s.updatedAt, s.hint] : [s.environment, s.name, s.kind, s.createdAt, s.updatedAt, s.hint, [...s.hosts]]));
    const canonical = JSON.stringify({ v: 1, id: content.vaultId, autoLock: content.autoLockMinutes, rows });
    return createHmac('sha256', macKey).update(canonical, 'utf8').digest();
  } finally {
    macKey.fill(0);
  }
}

export function indexMacMatches(dataKey: Buffer, content: IndexContent, mac: Buffer): boolean {
  const expected = computeIndexMac(dataKey, content);
  return mac.length === expected.length && timingSafeEqual(mac, expected);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
