import { z } from 'zod';

/**
 * Where `{{secret:name}}` may come from besides the local vault: the
 * environment's provider chain. The vault is always asked first; these follow
 * in the order listed. Only names and locations live here, never a value.
 */

/** A `pass` path prefix such as "countersign/uat": segments of letters, digits and _ . @ -, no "..". */
export const PassPrefix = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[\p{L}\p{N}_.@-]+(\/[\p{L}\p{N}_.@-]+)*$/u, 'A pass prefix is a path such as countersign/uat: letters, digits and _ . @ - between slashes.')
  .refine((text) => !text.split('/').some((segment) => segment === '.' || segment === '..'), 'A pass prefix cannot hold "." or ".." segments.');

export const SecretProviderSetting = z.discriminatedUnion('kind', [
  /** COUNTERSIGN_SECRET_<ENV>_<NAME> in the process environment (CI). */
  z.object({ kind: z.literal('env') }),
  /** `pass show <prefix>/<name>`; the prefix defaults to countersign/<environment, lower-cased>. */
  z.object({ kind: z.literal('pass'), prefix: PassPrefix.optional() }),
]);
export type SecretProviderSetting = z.output<typeof SecretProviderSetting>;

/** An environment's providers after the vault, at most one of each kind. */
export const SecretProviderSettings = z
  .array(SecretProviderSetting)
  .max(2)
  .refine((list) => new Set(list.map((provider) => provider.kind)).size === list.length, 'Each provider kind may appear once.');

export const SecretProviderKind = z.enum(['vault', 'env', 'pass']);
export type SecretProviderKind = z.output<typeof SecretProviderKind>;

/** Which provider served a secret of a send, by name: never the value. */
export const SecretSourceFact = z.object({
  name: z.string(),
  provider: SecretProviderKind,
  /** Where it was read: the environment variable's name or the pass entry; null for the vault. */
  location: z.string().nullable(),
});
export type SecretSourceFact = z.output<typeof SecretSourceFact>;

/** One expected secret of an environment, and which provider would serve it now (checked without reading any value). */
export const ProvidedSecret = z.object({
  name: z.string(),
  /** Null: none has it (or the vault is locked and no later provider has it). */
  provider: SecretProviderKind.nullable(),
  location: z.string().nullable(),
});

export const EnvironmentProviders = z.object({
  collectionId: z.string(),
  collectionName: z.string(),
  environmentId: z.string(),
  environmentName: z.string(),
  providers: z.array(SecretProviderSetting),
  /** Where each provider looks for this environment, e.g. "COUNTERSIGN_SECRET_UAT_<NAME>" or "pass countersign/uat/<name>". */
  lookups: z.array(z.object({ provider: SecretProviderKind, where: z.string() })),
  secrets: z.array(ProvidedSecret),
  /** E.g. "the vault is locked: names it holds are not known", "pass is not installed". */
  notes: z.array(z.string()),
});
export type EnvironmentProviders = z.output<typeof EnvironmentProviders>;

export const secretProvidersChannels = {
  'secret-providers:overview': {
    input: z.strictObject({ environment: z.string().min(1).max(64).optional() }),
    output: z.object({ environments: z.array(EnvironmentProviders) }),
  },
} as const;
