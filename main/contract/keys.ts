import { z } from 'zod';
import { EnvironmentName } from './vault.ts';

// Schemas for the RSA key channels. Like every contract file it imports only
// zod and other contract files, so the renderer can take its types.

const MAX_PEM_TEXT = 64 * 1024;
const MAX_PASSPHRASE = 1024;

/** Sizes a new key may have; generation refuses anything else. */
export const KEY_SIZES = [2048, 3072, 4096] as const;
export const KeySize = z.union([z.literal(2048), z.literal(3072), z.literal(4096)]);
export type KeySize = z.infer<typeof KeySize>;
export const DEFAULT_KEY_SIZE: KeySize = 4096;

/** A short name for a stored key, safe to use in file names and vault slots. */
export const KeyName = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'Use letters, digits, dot, dash or underscore, starting with a letter or digit.');
export type KeyName = z.infer<typeof KeyName>;

/** Keys are kept per environment, in the vault: the vault's rule for environment names. */
export { EnvironmentName };

export const JobId = z.uuid();

/** A passphrase travels in, never out. Export asks for at least 8 characters. */
export const ExportPassphrase = z.string().min(8, 'Use a passphrase of at least 8 characters.').max(MAX_PASSPHRASE);
const ImportPassphrase = z.string().min(1).max(MAX_PASSPHRASE);

export const Fingerprint = z.object({
  /** SHA-256 over the public key's SPKI DER, upper-case hex bytes joined by colons. */
  sha256Hex: z.string(),
  /** The same digest in standard base64. */
  sha256Base64: z.string(),
});
export type Fingerprint = z.infer<typeof Fingerprint>;

export const KeyOrigin = z.enum(['generated', 'imported']);

/** What a caller may see about a stored key: public facts only. */
export const KeySummary = z.object({
  environment: z.string(),
  name: z.string(),
  bits: z.number().int(),
  fingerprint: Fingerprint,
  /** ISO 8601. */
  created: z.string(),
  origin: KeyOrigin,
  publicKeyPem: z.string(),
});
export type KeySummary = z.infer<typeof KeySummary>;

export const KeyListEntry = KeySummary.extend({
  /** Names of auth settings that sign with this key (filled by the auth service). */
  usedBy: z.array(z.string()),
  /** A rotated-in key waiting for confirmation, kept beside the current one. */
  pendingRotation: KeySummary.nullable(),
});
export type KeyListEntry = z.infer<typeof KeyListEntry>;

const KeyRef = { environment: EnvironmentName, name: KeyName };

export const GenerateKeyInput = z.strictObject({
  ...KeyRef,
  bits: KeySize.default(DEFAULT_KEY_SIZE),
  /** Chosen by the caller so it can cancel before the call returns; main picks one if absent. */
  jobId: JobId.optional(),
});
export type GenerateKeyInput = z.input<typeof GenerateKeyInput>;

/** Cancel is an outcome, not a failure: the wizard goes back to its form. */
export const GenerateKeyOutput = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('created'), jobId: z.string(), key: KeySummary }),
  z.object({ outcome: z.literal('cancelled'), jobId: z.string() }),
]);
export type GenerateKeyOutput = z.infer<typeof GenerateKeyOutput>;

export const CancelGenerationInput = z.strictObject({ jobId: JobId });
export const CancelGenerationOutput = z.object({ cancelled: z.boolean() });

export const ListKeysInput = z.strictObject({ environment: EnvironmentName });
export const ListKeysOutput = z.object({ keys: z.array(KeyListEntry) });

export const KeyRefInput = z.strictObject(KeyRef);

export const ExportPublicOutput = z.object({
  pem: z.string(),
  fileName: z.string(),
  fingerprint: Fingerprint,
});
export type ExportPublicOutput = z.infer<typeof ExportPublicOutput>;

/** Where main writes a private key export: the file never passes through the renderer. Absent: the Downloads folder. */
const ExportDirectory = z.string().min(1).max(4096).optional();

export const ExportPrivateInput = z.discriminatedUnion('format', [
  z.strictObject({ ...KeyRef, format: z.literal('pkcs8'), passphrase: ExportPassphrase.optional(), directory: ExportDirectory }),
  // PKCS#1 is always unencrypted here (the form that asks for it wants plain text), so the caller must say it saw the warning.
  z.strictObject({ ...KeyRef, format: z.literal('pkcs1'), acknowledgeUnencrypted: z.literal(true), directory: ExportDirectory }),
]);
export type ExportPrivateInput = z.infer<typeof ExportPrivateInput>;

export const ExportPrivateOutput = z.object({
  pem: z.string(),
  fileName: z.string(),
  encrypted: z.boolean(),
  /** Set when the file holds the private key in clear. */
  warning: z.string().nullable(),
});
export type ExportPrivateOutput = z.infer<typeof ExportPrivateOutput>;

/** What the renderer learns of a private export: where main saved it, never the key. */
export const SavedPrivateExport = z.object({
  path: z.string(),
  fileName: z.string(),
  encrypted: z.boolean(),
  warning: z.string().nullable(),
});
export type SavedPrivateExport = z.infer<typeof SavedPrivateExport>;

/** A private key as given: PEM text, or DER bytes in base64 (IPC carries strings). */
export const KeyMaterial = z.discriminatedUnion('encoding', [
  z.strictObject({ encoding: z.literal('pem'), text: z.string().min(1).max(MAX_PEM_TEXT) }),
  z.strictObject({ encoding: z.literal('der'), base64: z.string().min(1).max(MAX_PEM_TEXT) }),
]);
export type KeyMaterial = z.infer<typeof KeyMaterial>;

export const ImportKeyInput = z.strictObject({
  ...KeyRef,
  material: KeyMaterial,
  passphrase: ImportPassphrase.optional(),
});
export type ImportKeyInput = z.infer<typeof ImportKeyInput>;

export const RotateKeyInput = z.strictObject({
  ...KeyRef,
  bits: KeySize.default(DEFAULT_KEY_SIZE),
  jobId: JobId.optional(),
});
export type RotateKeyInput = z.input<typeof RotateKeyInput>;

export const ConfirmedKeyRefInput = z.strictObject({ ...KeyRef, confirm: z.literal(true) });

export const DeleteKeyOutput = z.object({ deleted: z.boolean() });
export const TestSignOutput = z.object({
  accepted: z.boolean(),
  /** The sandbox's HTTP status, or null when nothing came back. */
  status: z.number().int().nullable(),
  /** What the sandbox said (its reasons when it refused), or the failure. */
  message: z.string(),
});
export type TestSignOutput = z.infer<typeof TestSignOutput>;
export const DiscardRotationOutput = z.object({ discarded: z.boolean() });

export const keysChannels = {
  'keys:generate': { input: GenerateKeyInput, output: GenerateKeyOutput },
  'keys:cancel-generation': { input: CancelGenerationInput, output: CancelGenerationOutput },
  'keys:list': { input: ListKeysInput, output: ListKeysOutput },
  'keys:export-public': { input: KeyRefInput, output: ExportPublicOutput },
  'keys:export-private': { input: ExportPrivateInput, output: SavedPrivateExport },
  'keys:import': { input: ImportKeyInput, output: KeySummary },
  'keys:rotate': { input: RotateKeyInput, output: GenerateKeyOutput },
  'keys:confirm-rotation': { input: ConfirmedKeyRefInput, output: KeySummary },
  'keys:discard-rotation': { input: KeyRefInput, output: DiscardRotationOutput },
  'keys:delete': { input: ConfirmedKeyRefInput, output: DeleteKeyOutput },
  /** Registers the key's public half with the built-in sandbox and sends a sample RSA-SHA256 request signed with it. */
  'keys:test-sign': { input: KeyRefInput, output: TestSignOutput },
} as const;

export const KeygenProgress = z.object({
  jobId: z.string(),
  environment: z.string(),
  name: z.string(),
  bits: z.number().int(),
  /** Node's generator gives no percentage, so progress is time spent. */
  elapsedMs: z.number().int().nonnegative(),
});
export type KeygenProgress = z.infer<typeof KeygenProgress>;

export const KeygenFinished = z.object({
  jobId: z.string(),
  environment: z.string(),
  name: z.string(),
  outcome: z.enum(['created', 'cancelled', 'failed']),
  fingerprint: Fingerprint.nullable(),
  message: z.string().nullable(),
});
export type KeygenFinished = z.infer<typeof KeygenFinished>;

export const keysEvents = {
  'keys:generation-progress': KeygenProgress,
  'keys:generation-finished': KeygenFinished,
} as const;
