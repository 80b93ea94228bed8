import { randomBytes } from 'node:crypto';
import type { ClipboardLike } from '../../../main/vault/clipboard/clipboard.ts';
import type { ScryptParams } from '../../../main/vault/crypto/scrypt-kdf.ts';
import type { Timers } from '../../../main/vault/timers.ts';
import { createVaultService, type VaultService, type VaultServiceOptions } from '../../../main/vault/vault-service.ts';
import type { SafeStorageLike } from '../../../main/vault/wrappers/safe-storage.ts';

/** Cheap scrypt for tests; the default cost is tested on its own. */
export const FAST_SCRYPT: ScryptParams = { N: 2 ** 10, r: 8, p: 1 };
export const PASSPHRASE = 'correct horse battery';
export const FIXED_NOW = new Date('2026-11-23T10:00:00.000Z');

export type FakeTimers = Timers & { advance(ms: number): void; pending(): number };

/** Timers moved by hand: `advance` fires everything due, in order. */
export function fakeTimers(): FakeTimers {
  let now = 0;
  let nextId = 1;
  const due = new Map<number, { at: number; callback: () => void }>();
  return {
    setTimeout(callback, ms) {
      const id = nextId++;
      due.set(id, { at: now + ms, callback });
      return id;
    },
    clearTimeout(handle) {
      due.delete(handle as number);
    },
    advance(ms) {
      const until = now + ms;
      for (;;) {
        const next = [...due.entries()].filter(([, t]) => t.at <= until).sort((a, b) => a[1].at - b[1].at)[0];
        if (!next) break;
        due.delete(next[0]);
        now = next[1].at;
        next[1].callback();
      }
      now = until;
    },
    pending: () => due.size,
  };
}

export function fakeClipboard(): ClipboardLike & { text: string } {
  const board = {
    text: '',
    readText: () => board.text,
    writeText: (value: string) => {
      board.text = value;
    },
  };
  return board;
}

/**
 * A stand-in for Electron's safeStorage that really transforms its input
 * (XOR with a per-instance key), so a blob from another "machine" fails.
 */
export function fakeSafeStorage(backend: string | undefined, available = true): SafeStorageLike & { key: Buffer } {
  const key = randomBytes(32);
  const xor = (data: Buffer) => Buffer.from(data.map((byte, i) => byte ^ (key[i % key.length] ?? 0)));
  const fake: SafeStorageLike & { key: Buffer } = {
    key,
    isEncryptionAvailable: () => available,
    encryptString: (text) => Buffer.concat([Buffer.from('v11'), xor(Buffer.from(text, 'utf8'))]),
    decryptString: (blob) => {
      if (blob.subarray(0, 3).toString() !== 'v11') throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return xor(blob.subarray(3)).toString('utf8');
    },
  };
  if (backend !== undefined) fake.getSelectedStorageBackend = () => backend;
  return fake;
}

export function testVault(dataDir: string, overrides: Partial<VaultServiceOptions> = {}): VaultService {
  return createVaultService({
    dataDir,
    platform: 'linux',
    clock: () => FIXED_NOW,
    timers: fakeTimers(),
    scryptParams: FAST_SCRYPT,
    ...overrides,
  });
}

/** Flips one bit of byte `index` of a base64 field and returns the new base64. */
export function flipByte(base64: string, index: number): string {
  const bytes = Buffer.from(base64, 'base64');
  bytes[index] = (bytes[index] ?? 0) ^ 0x01;
  return bytes.toString('base64');
}
