import type { AuthStep, AuthType } from '../../contract/auth.ts';
import { apiKey } from './api-key.ts';
import { basic } from './basic.ts';
import { bearer } from './bearer.ts';
import type { AuthFieldSecret } from '../../contract/auth-schemes.ts';
import type { FieldPresentation, SchemeModule } from './define.ts';
import { hmacFields } from './hmac-fields.ts';
import { momo } from './momo.ts';
import { oauth1 } from './oauth1.ts';
import { oauth2ClientCredentials } from './oauth2-client-credentials.ts';
import { paynetSignature } from './paynet-signature.ts';

/**
 * Every auth scheme, in the order the editor offers them. A new scheme is its
 * module plus one line here (and its schema in the contract's AuthStep
 * union): the compiler refuses a contract scheme without a module.
 */
export const SCHEMES: { readonly [T in AuthType]: SchemeModule<T> } = {
  'oauth2-client-credentials': oauth2ClientCredentials,
  'paynet-signature': paynetSignature,
  'hmac-fields': hmacFields,
  oauth1,
  momo,
  'api-key': apiKey,
  basic,
  bearer,
};

/** A step's module; its functions take any step, and are only ever called with a step of their own scheme. */
export function moduleOf(step: AuthStep): SchemeModule<AuthType> {
  return SCHEMES[step.type] as unknown as SchemeModule<AuthType>;
}

/** Every module, in registry order, typed loosely as moduleOf is. */
export function allSchemes(): SchemeModule<AuthType>[] {
  return Object.values(SCHEMES) as unknown as SchemeModule<AuthType>[];
}

/** A scheme's fields that hold a secret, in display order, with the kind of vault entry that fits each. */
export function secretFieldsOf(scheme: SchemeModule<AuthType>): (readonly [field: string, kind: AuthFieldSecret])[] {
  const fields: Readonly<Record<string, FieldPresentation | undefined>> = scheme.fields;
  return Object.entries(fields).flatMap(([field, shown]) => (shown?.secret === undefined ? [] : [[field, shown.secret] as const]));
}

export type { ApplyContext, FieldPresentation, SchemeModule, StepOf, StepUse } from './define.ts';
