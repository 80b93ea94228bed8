import { z } from 'zod';
import { SecretProviderKind } from './secret-providers.ts';

/**
 * Which vault names the workspace's collections refer to, per environment,
 * and whether anything would serve each one now. Names, collections and
 * provider locations only: no value is read to answer.
 */

export const ReferencedSecret = z.object({
  name: z.string(),
  /** The collections that name it (in a template, a network setting or the environment's list). */
  collections: z.array(z.string()),
  /** present: the vault or a provider has it; missing: none has; unknown: the vault is locked and no provider has it. */
  state: z.enum(['present', 'missing', 'unknown']),
  /** Who would serve it; null unless present. */
  provider: SecretProviderKind.nullable(),
  /** The variable or pass entry that holds it; null for the vault. */
  location: z.string().nullable(),
});
export type ReferencedSecret = z.output<typeof ReferencedSecret>;

export const EnvironmentReferences = z.object({
  environment: z.string(),
  secrets: z.array(ReferencedSecret),
});
export type EnvironmentReferences = z.output<typeof EnvironmentReferences>;

export const referencedSecretsChannels = {
  'vault:referenced': {
    input: z.strictObject({ environment: z.string().min(1).max(64).optional() }),
    output: z.object({ environments: z.array(EnvironmentReferences) }),
  },
} as const;
