import { ServiceError } from '../contract/errors.ts';
import type { KeyValueStore, StoreFactory } from '../platform/store.ts';
import type { KeyRevealPurpose, PrivateKeyVault, StoredKeyMeta } from './vault-port.ts';

/**
 * The slice of the vault service (main/vault) the key store uses, written
 * structurally so this file does not depend on the vault's internals.
 */
export type SecretVaultLike = {
  list(input: { environment?: string | undefined }): { secrets: readonly { environment: string; name: string; kind: string }[] };
  add(input: { environment: string; name: string; kind: 'rsa_private_key'; value: string }): Promise<unknown>;
  rotate(input: { environment: string; name: string; value: string }): Promise<unknown>;
  remove(input: { environment: string; name: string; confirm: true }): Promise<unknown>;
  reveal(environment: string, name: string, purpose: KeyRevealPurpose): Promise<string>;
};

/**
 * A private key put in the vault some other way (the sample seed, the Vault
 * page, `vault set`, an import) has no public facts yet: `adopt` records them
 * so the Keys page lists it. Only for an `rsa_private_key` secret without facts.
 */
export type VaultKeyAdoption = {
  adopt(environment: string, name: string, meta: StoredKeyMeta): boolean;
};

type MetaDocument = {
  schemaVersion: number;
  /** environment -> vault secret name -> public facts. */
  keys: Record<string, Record<string, StoredKeyMeta>>;
};

const EMPTY: MetaDocument = { schemaVersion: 1, keys: {} };

/**
 * Private keys live in the vault as secrets of kind `rsa_private_key`, named
 * like the key, so an auth setting can name one as `{{secret:<key name>}}`.
 * Their public facts (size, date, public key) live beside, in the `keys`
 * store, so the list needs no unlocked vault.
 */
export function createVaultKeyStore(vault: SecretVaultLike, stores: StoreFactory): PrivateKeyVault & VaultKeyAdoption {
  const store: KeyValueStore<MetaDocument> = stores<MetaDocument>('keys', EMPTY);

  // A hand-edited file may hold anything: read it into maps, keeping only entries that look like metadata.
  // Maps also keep names such as "__proto__" from touching object prototypes.
  const readAll = (): Map<string, Map<string, StoredKeyMeta>> => {
    const keys: unknown = store.get('keys');
    const result = new Map<string, Map<string, StoredKeyMeta>>();
    if (typeof keys !== 'object' || keys === null) return result;
    for (const [environment, entries] of Object.entries(keys)) {
      if (typeof entries !== 'object' || entries === null) continue;
      result.set(environment, new Map(Object.entries(entries as Record<string, unknown>).filter((pair): pair is [string, StoredKeyMeta] => isMeta(pair[1]))));
    }
    return result;
  };
  const metaOf = (environment: string, name: string): StoredKeyMeta | undefined => readAll().get(environment)?.get(name);
  const writeMeta = (environment: string, name: string, meta: StoredKeyMeta | undefined) => {
    const all = readAll();
    const inEnvironment = all.get(environment) ?? new Map<string, StoredKeyMeta>();
    if (meta) inEnvironment.set(name, meta);
    else inEnvironment.delete(name);
    all.set(environment, inEnvironment);
    const plain = Object.fromEntries([...all].map(([env, entries]) => [env, Object.fromEntries(entries)]));
    // Whole-object writes: key names may hold dots, which conf would read as paths.
    store.set('keys', plain);
  };
  const inVault = (environment: string, name: string) =>
    vault.list({ environment }).secrets.some((secret) => secret.environment === environment && secret.name === name);

  const vaultNames = (environment: string): Set<string> | null => {
    try {
      return new Set(vault.list({ environment }).secrets.filter((s) => s.environment === environment).map((s) => s.name));
    } catch (error) {
      if (error instanceof ServiceError && error.code === 'locked') return null;
      throw error;
    }
  };

  return {
    async store(environment, name, privateKeyPem, meta) {
      if (inVault(environment, name)) {
        // Replace only what the key store put there: a same-named secret of the user's is not ours to overwrite.
        if (!metaOf(environment, name)) {
          throw new ServiceError('conflict', `The vault already holds a secret named "${name}" in environment "${environment}" that is not a Countersign key. Choose another key name.`);
        }
        await vault.rotate({ environment, name, value: privateKeyPem });
      }
      else await vault.add({ environment, name, kind: 'rsa_private_key', value: privateKeyPem });
      writeMeta(environment, name, meta);
    },
    meta(environment, name) {
      return Promise.resolve(inVault(environment, name) ? metaOf(environment, name) : undefined);
    },
    async read(environment, name, purpose) {
      const meta = metaOf(environment, name);
      if (!meta || !inVault(environment, name)) return undefined;
      return { privateKeyPem: await vault.reveal(environment, name, purpose), meta };
    },
    list(environment) {
      const names = vaultNames(environment);
      // Locked: the public facts are all there is to show; they are checked against the vault once it opens.
      const entries = [...(readAll().get(environment) ?? new Map<string, StoredKeyMeta>())].filter(([name]) => names === null || names.has(name));
      return Promise.resolve(entries.map(([name, meta]) => ({ name, meta })));
    },
    adopt(environment, name, meta) {
      const secret = vault.list({ environment }).secrets.find((entry) => entry.environment === environment && entry.name === name);
      if (secret?.kind !== 'rsa_private_key' || metaOf(environment, name)) return false;
      writeMeta(environment, name, meta);
      return true;
    },
    async remove(environment, name) {
      const existed = inVault(environment, name);
      if (existed) await vault.remove({ environment, name, confirm: true });
      const hadMeta = metaOf(environment, name) !== undefined;
      writeMeta(environment, name, undefined);
      return existed || hadMeta;
    },
  };
}

function isMeta(value: unknown): value is StoredKeyMeta {
  if (typeof value !== 'object' || value === null) return false;
  const meta = value as Record<string, unknown>;
  return (
    typeof meta.bits === 'number' &&
    typeof meta.created === 'string' &&
    (meta.origin === 'generated' || meta.origin === 'imported') &&
    typeof meta.publicKeyPem === 'string'
  );
}
