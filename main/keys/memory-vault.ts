import type { KeyRevealPurpose, PrivateKeyVault, StoredKey } from './vault-port.ts';

export type MemoryKeyVault = PrivateKeyVault & {
  /** Every decryption so far, for tests that check nothing decrypts needlessly. */
  readonly reveals: { environment: string; name: string; purpose: KeyRevealPurpose }[];
};

/**
 * A vault that keeps entries in memory only: for tests, and for running the
 * key service before the real vault is wired in. Nothing survives a restart.
 */
export function createMemoryKeyVault(): MemoryKeyVault {
  const entries = new Map<string, Map<string, StoredKey>>();
  const reveals: MemoryKeyVault['reveals'] = [];
  const inEnvironment = (environment: string): Map<string, StoredKey> => {
    let slot = entries.get(environment);
    if (!slot) {
      slot = new Map();
      entries.set(environment, slot);
    }
    return slot;
  };
  const copy = (entry: StoredKey): StoredKey => ({ privateKeyPem: entry.privateKeyPem, meta: { ...entry.meta } });
  return {
    reveals,
    store(environment, name, privateKeyPem, meta) {
      inEnvironment(environment).set(name, { privateKeyPem, meta: { ...meta } });
      return Promise.resolve();
    },
    meta(environment, name) {
      const entry = entries.get(environment)?.get(name);
      return Promise.resolve(entry ? { ...entry.meta } : undefined);
    },
    read(environment, name, purpose) {
      const entry = entries.get(environment)?.get(name);
      if (entry) reveals.push({ environment, name, purpose });
      return Promise.resolve(entry ? copy(entry) : undefined);
    },
    list(environment) {
      const slot = entries.get(environment) ?? new Map<string, StoredKey>();
      return Promise.resolve([...slot].map(([name, entry]) => ({ name, meta: { ...entry.meta } })));
    },
    remove(environment, name) {
      return Promise.resolve(entries.get(environment)?.delete(name) ?? false);
    },
  };
}
