import type { SafeStorageStatus } from '../../contract/vault.ts';
import { DATA_KEY_BYTES } from '../crypto/aead.ts';
import type { SafeStorageWrapperRecord } from '../file/vault-document.ts';

/** The part of Electron's safeStorage the vault uses; main/electron passes the real one, tests a fake. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  getSelectedStorageBackend?(): string;
}

export type SafeStorageAssessment = Omit<SafeStorageStatus, 'inUse'>;

// Linux backends that keep the key in a real keyring. basic_text uses a key
// hard-coded in Chromium; 'unknown' means Electron could not tell.
const PROTECTING_LINUX_BACKENDS = new Set(['gnome_libsecret', 'kwallet', 'kwallet5', 'kwallet6']);

/** Whether safeStorage here really protects a key, and why not if it does not. */
export function assessSafeStorage(safeStorage: SafeStorageLike | undefined, platform: NodeJS.Platform): SafeStorageAssessment {
  if (!safeStorage) {
    return { available: false, backend: null, protects: false, note: 'The system keychain is reachable only from the desktop app; here a passphrase opens the vault.' };
  }
  let available: boolean;
  try {
    available = safeStorage.isEncryptionAvailable();
  } catch {
    available = false;
  }
  if (!available) {
    return { available: false, backend: null, protects: false, note: 'The system keychain is not available, so a passphrase is required.' };
  }
  if (platform !== 'linux') {
    return { available: true, backend: null, protects: true, note: platform === 'darwin' ? 'Protected by the macOS Keychain.' : 'Protected by the operating system (DPAPI).' };
  }
  let backend: string;
  try {
    backend = safeStorage.getSelectedStorageBackend?.() ?? 'unknown';
  } catch {
    backend = 'unknown';
  }
  if (backend === 'basic_text') {
    return {
      available: true,
      backend,
      protects: false,
      note: 'safeStorage is using basic_text, which encrypts with a key built into the app and protects nothing: a passphrase is required.',
    };
  }
  if (!PROTECTING_LINUX_BACKENDS.has(backend)) {
    return {
      available: true,
      backend,
      protects: false,
      note: `safeStorage's backend is "${backend}", which is not a known keyring: a passphrase is required.`,
    };
  }
  return { available: true, backend, protects: true, note: `Protected by the system keyring (${backend}).` };
}

export function wrapWithSafeStorage(dataKey: Buffer, safeStorage: SafeStorageLike, backend: string | null): SafeStorageWrapperRecord {
  const blob = safeStorage.encryptString(dataKey.toString('base64'));
  return { type: 'safe-storage', backend, blob: blob.toString('base64') };
}

/** Returns the data key, or throws if the keychain refuses or returns something that is not a key. */
export function unwrapWithSafeStorage(record: SafeStorageWrapperRecord, safeStorage: SafeStorageLike): Buffer {
  let text: string;
  try {
    text = safeStorage.decryptString(Buffer.from(record.blob, 'base64'));
  } catch {
    throw new Error('The system keychain could not decrypt the vault key (it may belong to another user or machine).');
  }
  const key = Buffer.from(text, 'base64');
  if (key.length !== DATA_KEY_BYTES || key.toString('base64') !== text) {
    key.fill(0);
    throw new Error('The system keychain returned something that is not the vault key.');
  }
  return key;
}
