import { randomUUID, createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { ServiceError } from '../contract/errors.ts';
import type {
  ExportPrivateInput,
  ExportPrivateOutput,
  ExportPublicOutput,
  GenerateKeyOutput,
  ImportKeyInput,
  KeyListEntry,
  KeygenFinished,
  KeygenProgress,
  KeySize,
  KeySummary,
} from '../contract/keys.ts';
import { publicKeyPem, privateKeyPkcs1Pem, privateKeyPkcs8Pem } from './export-key.ts';
import { fingerprintOf } from './fingerprint.ts';
import { generateRsaKeyPair, type KeyPairGenerator } from './generate-key-pair.ts';
import { createGenerationJobs } from './generation-jobs.ts';
import { importPrivateKey } from './import-private-key.ts';
import { checkKeyMinimum } from './key-minimum.ts';
import { EXPORT_PBKDF2_ITERATIONS, encryptedPkcs8Pem } from './pbes2.ts';
import { exportFileName, isRotationSlot, nameOfRotationSlot, rotationSlot } from './key-files.ts';
import type { KeyRevealPurpose, PrivateKeyVault, StoredKeyMeta } from './vault-port.ts';

export type KeyRef = { environment: string; name: string };

/** Names of auth settings that sign with a key; the auth service answers, the keys list shows it. */
export type KeyUsageLookup = (environment: string, name: string) => string[] | Promise<string[]>;

/** Where keygen events go: the lead passes the event bus's emit. */
export type KeyEventSink = {
  progress(payload: KeygenProgress): void;
  finished(payload: KeygenFinished): void;
};

export type KeyServiceOptions = {
  vault: PrivateKeyVault;
  events?: KeyEventSink;
  usedBy?: KeyUsageLookup;
  generate?: KeyPairGenerator;
  clock?: () => Date;
  newJobId?: () => string;
  progressIntervalMs?: number;
  /** PBKDF2 rounds for passphrase-protected exports; tests may lower it. */
  exportIterations?: number;
};

export type GenerateRequest = KeyRef & { bits: KeySize; jobId?: string | undefined };

export type KeyService = {
  generate(request: GenerateRequest): Promise<GenerateKeyOutput>;
  cancelGeneration(jobId: string): { cancelled: boolean };
  list(environment: string): Promise<{ keys: KeyListEntry[] }>;
  exportPublic(ref: KeyRef): Promise<ExportPublicOutput>;
  /** Decrypts for export: the one path by which a private key leaves the vault. */
  exportPrivate(request: ExportPrivateInput): Promise<ExportPrivateOutput>;
  importKey(request: ImportKeyInput): Promise<KeySummary>;
  /** Generates a successor kept beside the current key until confirmed. */
  rotate(request: GenerateRequest): Promise<GenerateKeyOutput>;
  confirmRotation(ref: KeyRef & { confirm: true }): Promise<KeySummary>;
  discardRotation(ref: KeyRef): Promise<{ discarded: boolean }>;
  delete(ref: KeyRef & { confirm: true }): Promise<{ deleted: boolean }>;
  /** For the signing service (not a channel): the stored private key, ready for crypto.sign. */
  signingKey(ref: KeyRef): Promise<KeyObject>;
  close(): void;
};

const UNENCRYPTED_WARNING =
  'This file holds the private key unencrypted. Anyone who reads it can sign as you: keep it out of mail, chat and shared folders, and delete it once used.';

export function createKeyService(options: KeyServiceOptions): KeyService {
  const { vault } = options;
  const clock = options.clock ?? (() => new Date());
  const newJobId = options.newJobId ?? randomUUID;
  const usedBy = options.usedBy ?? (() => []);
  const events = options.events;
  const exportIterations = options.exportIterations ?? EXPORT_PBKDF2_ITERATIONS;
  const jobs = createGenerationJobs({
    generate: options.generate ?? generateRsaKeyPair,
    ...(options.progressIntervalMs === undefined ? {} : { progressIntervalMs: options.progressIntervalMs }),
  });

  const readStored = async (environment: string, slot: string, purpose: KeyRevealPurpose, what = `Key "${slot}"`) => {
    const stored = await vault.read(environment, slot, purpose);
    if (!stored) throw new ServiceError('not_found', `${what} does not exist in environment "${environment}".`);
    return stored;
  };

  const exists = async (environment: string, slot: string) => (await vault.meta(environment, slot)) !== undefined;

  const storePair = async (environment: string, slot: string, privateKey: KeyObject, origin: StoredKeyMeta['origin']) => {
    const meta: StoredKeyMeta = {
      bits: privateKey.asymmetricKeyDetails?.modulusLength ?? 0,
      created: clock().toISOString(),
      origin,
      publicKeyPem: publicKeyPem(privateKey),
    };
    // Generated and imported keys alike: the same minimum the vault applies to every stored key.
    checkKeyMinimum(meta.bits);
    await vault.store(environment, slot, privateKeyPkcs8Pem(privateKey), meta);
    return meta;
  };

  // Jobs between the call and the start of generation, so a cancel that arrives during the name checks still counts.
  const starting = new Set<string>();
  const cancelledWhileStarting = new Set<string>();

  const runGeneration = async (request: GenerateRequest, slot: string, mustExist: boolean): Promise<GenerateKeyOutput> => {
    const jobId = request.jobId ?? newJobId();
    starting.add(jobId);
    try {
      return await generateInto(request, jobId, slot, mustExist);
    } finally {
      starting.delete(jobId);
      cancelledWhileStarting.delete(jobId);
    }
  };

  const generateInto = async (request: GenerateRequest, jobId: string, slot: string, mustExist: boolean): Promise<GenerateKeyOutput> => {
    const { environment, name, bits } = request;
    const keyExists = await exists(environment, name);
    if (mustExist && !keyExists) throw new ServiceError('not_found', `Key "${name}" does not exist in environment "${environment}"; generate it first.`);
    if (!mustExist && keyExists) {
      throw new ServiceError('conflict', `A key named "${name}" already exists in environment "${environment}". Rotate it, or choose another name.`);
    }
    if (mustExist && (await exists(environment, slot))) {
      throw new ServiceError('conflict', `Key "${name}" already has a rotation waiting. Confirm or discard it first.`);
    }
    const finished = (outcome: KeygenFinished['outcome'], fingerprint: KeygenFinished['fingerprint'], message: string | null) =>
      events?.finished({ jobId, environment, name, outcome, fingerprint, message });

    if (cancelledWhileStarting.has(jobId)) {
      finished('cancelled', null, null);
      return { outcome: 'cancelled', jobId };
    }
    let result: Awaited<ReturnType<typeof jobs.run>>;
    try {
      result = await jobs.run({ jobId, bits }, (elapsedMs) => events?.progress({ jobId, environment, name, bits, elapsedMs }));
    } catch (error) {
      finished('failed', null, error instanceof ServiceError ? error.message : 'Key generation failed.');
      throw error;
    }
    if (result.outcome === 'cancelled') {
      finished('cancelled', null, null);
      return { outcome: 'cancelled', jobId };
    }
    // Checked again: the names may have changed while primes were searched for.
    if ((await exists(environment, slot)) || (mustExist && !(await exists(environment, name)))) {
      const message = mustExist
        ? `Key "${name}" was deleted or rotated elsewhere while its successor was generated; the new key was discarded.`
        : `Key "${name}" was created elsewhere while this one was generated; the new key was discarded.`;
      finished('failed', null, message);
      throw new ServiceError('conflict', message);
    }
    let meta: StoredKeyMeta;
    try {
      meta = await storePair(environment, slot, result.pair.privateKey, 'generated');
    } catch (error) {
      finished('failed', null, error instanceof ServiceError ? error.message : 'The new key could not be stored in the vault.');
      throw error;
    }
    const key = summary(environment, name, meta);
    finished('created', key.fingerprint, null);
    return { outcome: 'created', jobId, key };
  };

  return {
    generate: (request) => runGeneration(request, request.name, false),
    rotate: (request) => runGeneration(request, rotationSlot(request.name), true),
    cancelGeneration(jobId) {
      if (jobs.cancel(jobId)) return { cancelled: true };
      if (!starting.has(jobId)) return { cancelled: false };
      cancelledWhileStarting.add(jobId);
      return { cancelled: true };
    },

    async list(environment) {
      const entries = await vault.list(environment);
      const pending = new Map(entries.filter((e) => isRotationSlot(e.name)).map((e) => [nameOfRotationSlot(e.name), e.meta]));
      const keys: KeyListEntry[] = [];
      for (const entry of entries.filter((e) => !isRotationSlot(e.name))) {
        const next = pending.get(entry.name);
        keys.push({
          ...summary(environment, entry.name, entry.meta),
          usedBy: await usedBy(environment, entry.name),
          pendingRotation: next ? summary(environment, entry.name, next) : null,
        });
      }
      return { keys: keys.sort((a, b) => a.name.localeCompare(b.name)) };
    },

    async exportPublic({ environment, name }) {
      // Derived from the private key itself, so what the gateway receives always matches what signs.
      const privateKey = createPrivateKey((await readStored(environment, name, 'export')).privateKeyPem);
      return {
        pem: publicKeyPem(privateKey),
        fileName: exportFileName(environment, name, 'public'),
        fingerprint: fingerprintOf(createPublicKey(privateKey)),
      };
    },

    async exportPrivate(request) {
      const { environment, name } = request;
      const privateKey = createPrivateKey((await readStored(environment, name, 'export')).privateKeyPem);
      if (request.format === 'pkcs1') {
        return { pem: privateKeyPkcs1Pem(privateKey), fileName: exportFileName(environment, name, 'private-pkcs1'), encrypted: false, warning: UNENCRYPTED_WARNING };
      }
      if (request.passphrase === undefined) {
        return { pem: privateKeyPkcs8Pem(privateKey), fileName: exportFileName(environment, name, 'private-pkcs8'), encrypted: false, warning: UNENCRYPTED_WARNING };
      }
      return {
        pem: await encryptedPkcs8Pem(privateKey, request.passphrase, { iterations: exportIterations }),
        fileName: exportFileName(environment, name, 'private-pkcs8-encrypted'),
        encrypted: true,
        warning: null,
      };
    },

    async importKey({ environment, name, material, passphrase }) {
      if (await exists(environment, name)) {
        throw new ServiceError('conflict', `A key named "${name}" already exists in environment "${environment}". Choose another name or delete it first.`);
      }
      const privateKey = importPrivateKey(material, passphrase);
      return summary(environment, name, await storePair(environment, name, privateKey, 'imported'));
    },

    async confirmRotation({ environment, name }) {
      if (!(await exists(environment, name))) throw missing(environment, name);
      // Moving the successor into the key's own slot takes it out of the vault for a moment: audited as an export.
      const next = await readStored(environment, rotationSlot(name), 'export', `A rotation of key "${name}"`);
      // Overwrite first, then drop the waiting slot: a crash in between leaves a harmless duplicate, never no key.
      await vault.store(environment, name, next.privateKeyPem, next.meta);
      await vault.remove(environment, rotationSlot(name));
      return summary(environment, name, next.meta);
    },

    async discardRotation({ environment, name }) {
      return { discarded: await vault.remove(environment, rotationSlot(name)) };
    },

    async delete({ environment, name }) {
      if (!(await exists(environment, name))) throw missing(environment, name);
      const users = await usedBy(environment, name);
      if (users.length > 0) {
        throw new ServiceError('conflict', `Key "${name}" is used by ${users.map((u) => `"${u}"`).join(', ')}. Point those auth settings at another key first.`);
      }
      await vault.remove(environment, rotationSlot(name));
      return { deleted: await vault.remove(environment, name) };
    },

    async signingKey({ environment, name }) {
      return createPrivateKey((await readStored(environment, name, 'signing')).privateKeyPem);
    },

    close: () => jobs.cancelAll(),
  };
}

function missing(environment: string, name: string): ServiceError {
  return new ServiceError('not_found', `Key "${name}" does not exist in environment "${environment}".`);
}

function summary(environment: string, name: string, meta: StoredKeyMeta): KeySummary {
  return {
    environment,
    name,
    bits: meta.bits,
    fingerprint: fingerprintOf(createPublicKey(meta.publicKeyPem)),
    created: meta.created,
    origin: meta.origin,
    publicKeyPem: meta.publicKeyPem,
  };
}

