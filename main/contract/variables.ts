import { z } from 'zod';
import { NodeId } from './names.ts';
import { SecretProviderKind } from './secret-providers.ts';

/**
 * What each `{{name}}` of a request would resolve to in an environment, for
 * the editor's hover: a plain variable's value (non-secret by definition, and
 * still walked by the redactor), a dynamic value's description, and for a
 * `{{secret:name}}` only its name, who would serve it and whether it is
 * there. No secret value is read to answer.
 */
export const VariableFact = z.discriminatedUnion('source', [
  /** An enabled variable of the environment. */
  z.object({
    name: z.string(),
    source: z.literal('environment'),
    environment: z.string(),
    value: z.string(),
    /** Said when the value is not final yet (the built-in sandbox's port is set when it starts). */
    note: z.string().optional(),
  }),
  /** `{{$uuid}}` and the like: made afresh at each send. */
  z.object({ name: z.string(), source: z.literal('dynamic'), description: z.string() }),
  z.object({
    name: z.string(),
    source: z.literal('secret'),
    environment: z.string(),
    /** The vault name (after `secret:`). */
    secret: z.string(),
    /** present: the vault or a provider has it; missing: none has; unknown: the vault is locked and no provider has it. */
    state: z.enum(['present', 'missing', 'unknown']),
    provider: SecretProviderKind.nullable(),
    /** The environment variable or pass entry that holds it; null for the vault. */
    location: z.string().nullable(),
  }),
  /** Nothing defines it: a send would fail. */
  z.object({ name: z.string(), source: z.literal('undefined'), environment: z.string(), reason: z.string() }),
]);
export type VariableFact = z.output<typeof VariableFact>;

export const variablesChannels = {
  'variables:resolve': {
    input: z.strictObject({
      /** The request whose collection holds the environment. */
      requestId: NodeId,
      environmentId: NodeId,
      /** Template names as written between the braces, e.g. "baseUrl", "secret:paynet.client_secret", "$uuid". */
      names: z.array(z.string().min(1).max(300)).max(500),
    }),
    output: z.object({ variables: z.array(VariableFact) }),
  },
} as const;
