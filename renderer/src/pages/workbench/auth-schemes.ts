import { useMemo } from 'react';
import type { AuthFieldDescription as FieldFromMain, AuthSchemeDescription } from '../../../../main/contract/auth-schemes.ts';
import type { AuthStep, AuthType } from '../../../../main/contract/auth.ts';
import { useChannel } from '../../state/use-channel.ts';

/** Main's field description, by type only: the schemes themselves arrive through `auth:schemes`. */
export type AuthFieldDescription = FieldFromMain;

/**
 * The auth schemes as main describes them (`auth:schemes`): the editor renders
 * these, so a scheme added in main needs nothing here. They do not change
 * while the app runs, so they are fetched once into the shared query cache.
 */
export type AuthSchemes = {
  readonly list: readonly AuthSchemeDescription[];
  readonly byType: ReadonlyMap<AuthType, AuthSchemeDescription>;
};

/** The schemes, or null until they arrive; `error` says why they did not. */
export function useAuthSchemes(): { schemes: AuthSchemes | null; error: string | null } {
  const { data, error } = useChannel('auth:schemes', {}, { fixed: true });
  const schemes = useMemo(
    () => (data === undefined ? null : { list: data.schemes, byType: new Map(data.schemes.map((scheme) => [scheme.type, scheme])) }),
    [data],
  );
  return { schemes, error: error === null ? null : error.message };
}

/** A fresh step of a scheme, as main says it starts. */
export function newStep(schemes: AuthSchemes, type: AuthType): AuthStep {
  const scheme = schemes.byType.get(type);
  if (scheme === undefined) throw new Error(`Unknown auth scheme ${type}.`);
  return structuredClone(scheme.initial);
}

/** The scheme's name in the editor (its type while the list is loading or for a scheme main does not know). */
export function schemeLabel(schemes: AuthSchemes | null, type: AuthType): string {
  return schemes?.byType.get(type)?.label ?? type;
}

const SECRET_REF = /^\{\{\s*secret:([^{}]+?)\s*\}\}$/;

/** The vault name a secret field refers to, or null when it holds something else. */
export function secretRefName(value: string): string | null {
  return SECRET_REF.exec(value)?.[1] ?? null;
}
