import { useEffect, useState } from 'react';
import type { AuthFieldDescription as FieldFromMain, AuthSchemeDescription } from '../../../../main/contract/auth-schemes.ts';
import type { AuthStep, AuthType } from '../../../../main/contract/auth.ts';
import type { ApiClient } from '../../api/client.ts';
import { useApi } from '../../api/context.tsx';

/** Main's field description, by type only: the schemes themselves arrive through `auth:schemes`. */
export type AuthFieldDescription = FieldFromMain;

/**
 * The auth schemes as main describes them (`auth:schemes`): the editor renders
 * these, so a scheme added in main needs nothing here. They do not change
 * while the app runs, so one answer is kept per API client.
 */
export type AuthSchemes = {
  readonly list: readonly AuthSchemeDescription[];
  readonly byType: ReadonlyMap<AuthType, AuthSchemeDescription>;
};

const asked = new WeakMap<ApiClient, Promise<AuthSchemes>>();
const known = new WeakMap<ApiClient, AuthSchemes>();

function load(api: ApiClient): Promise<AuthSchemes> {
  let pending = asked.get(api);
  if (pending === undefined) {
    pending = api.invoke['auth:schemes']({}).then(({ schemes }) => {
      const loaded = { list: schemes, byType: new Map(schemes.map((scheme) => [scheme.type, scheme])) };
      known.set(api, loaded);
      return loaded;
    });
    // A failed call is asked again by the next editor that mounts.
    pending.catch(() => asked.delete(api));
    asked.set(api, pending);
  }
  return pending;
}

/** The schemes, or null until they arrive; `error` says why they did not. */
export function useAuthSchemes(): { schemes: AuthSchemes | null; error: string | null } {
  const api = useApi();
  const [schemes, setSchemes] = useState<AuthSchemes | null>(() => known.get(api) ?? null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (known.has(api)) return;
    let live = true;
    load(api).then(
      (loaded) => live && setSchemes(loaded),
      (reason: unknown) => live && setError(reason instanceof Error ? reason.message : String(reason)),
    );
    return () => {
      live = false;
    };
  }, [api]);
  return { schemes, error };
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
