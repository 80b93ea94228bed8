import { z } from 'zod';
import { AuthStep, type AuthType } from './auth.ts';

/**
 * What the auth editor shows for each scheme, sent as data: the renderer
 * imports only types from the contract, so the scheme modules in main
 * (main/signing/schemes/) describe their fields here and the editor renders
 * whatever arrives. A scheme added in main appears in the editor unchanged.
 */

export const AUTH_TYPES = AuthStep.options.map((option) => option.shape.type.value) as [AuthType, ...AuthType[]];

export const AuthFieldSecret = z.enum(['text', 'rsa_private_key', 'passphrase']);
export type AuthFieldSecret = z.output<typeof AuthFieldSecret>;

export const AuthFieldDescription = z.object({
  key: z.string(),
  label: z.string(),
  /** secret: a `{{secret:name}}` reference picked from vault names; json: a list or object edited as JSON. */
  kind: z.enum(['text', 'secret', 'select', 'boolean', 'number', 'json']),
  /** select only. */
  options: z.array(z.string()).optional(),
  /** The field may be absent: an emptied text field is removed rather than kept as ''. */
  optional: z.boolean(),
  /** The value used when the field is absent, if the scheme has one. */
  default: z.unknown().optional(),
  /** secret only: the kind of vault entry that fits. */
  secret: AuthFieldSecret.optional(),
  help: z.string().optional(),
});
export type AuthFieldDescription = z.output<typeof AuthFieldDescription>;

export const AuthSchemeDescription = z.object({
  type: z.enum(AUTH_TYPES),
  label: z.string(),
  help: z.string().optional(),
  /** What a newly chosen step of this scheme starts as. */
  initial: AuthStep,
  fields: z.array(AuthFieldDescription),
});
export type AuthSchemeDescription = z.output<typeof AuthSchemeDescription>;

export const authSchemesChannels = {
  'auth:schemes': {
    input: z.strictObject({}),
    output: z.object({ schemes: z.array(AuthSchemeDescription) }),
  },
} as const;
