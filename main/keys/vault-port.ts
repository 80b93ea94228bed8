/**
 * What the key service needs from the vault. The vault encrypts the private
 * key PEM; the metadata is public (it is what the keys list shows), so
 * listing and existence checks never decrypt anything.
 */
export type StoredKeyMeta = {
  bits: number;
  /** ISO 8601. */
  created: string;
  origin: 'generated' | 'imported';
  /** SPKI PEM; the fingerprint is derived from it. */
  publicKeyPem: string;
};

export type StoredKey = { privateKeyPem: string; meta: StoredKeyMeta };

/** Why a private key is decrypted, for the vault's audit hook. Moving a rotated key counts as an export. */
export type KeyRevealPurpose = 'signing' | 'export';

export type PrivateKeyVault = {
  /** Create or replace the entry `name` in `environment`. The PEM is unencrypted PKCS#8; the vault encrypts it. */
  store(environment: string, name: string, privateKeyPem: string, meta: StoredKeyMeta): Promise<void>;
  /** Public facts only; undefined when there is no such key. */
  meta(environment: string, name: string): Promise<StoredKeyMeta | undefined>;
  /** Decrypts: only for signing and export. */
  read(environment: string, name: string, purpose: KeyRevealPurpose): Promise<StoredKey | undefined>;
  list(environment: string): Promise<{ name: string; meta: StoredKeyMeta }[]>;
  /** True when something was removed. */
  remove(environment: string, name: string): Promise<boolean>;
};
