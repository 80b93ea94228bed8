import { useEffect, useState } from 'react';
import type { VariableFact } from '../../../../../main/contract/variables.ts';
import { useApi } from '../../../api/context.tsx';

export type VariableFacts = ReadonlyMap<string, VariableFact>;

/**
 * What each `{{name}}` resolves to in the chosen environment, asked of main
 * (variables:resolve): values of plain variables, secrets by name and
 * provider only. Asked again when the vault or the workspace changes; an
 * answer for names or an environment no longer shown is dropped.
 */
export function useVariableFacts(requestId: string, environmentId: string | undefined, names: readonly string[]): VariableFacts | null {
  const api = useApi();
  const [facts, setFacts] = useState<{ key: string; facts: VariableFacts } | null>(null);
  const unique = [...new Set(names)].sort();
  const key = JSON.stringify([requestId, environmentId ?? null, unique]);
  useEffect(() => {
    if (environmentId === undefined) return;
    const [, , wanted] = JSON.parse(key) as [string, string, string[]];
    if (wanted.length === 0) return;
    let current = true;
    const load = () => {
      api.invoke['variables:resolve']({ requestId, environmentId, names: wanted }).then(
        (answer) => {
          if (current) setFacts({ key, facts: new Map(answer.variables.map((fact) => [fact.name, fact])) });
        },
        // No answer (an unsaved request, a deleted environment): the marks fall back to what the renderer knows.
        () => {
          if (current) setFacts(null);
        },
      );
    };
    load();
    const offVault = api.on('vault:changed', load);
    const offWorkspace = api.on('workspace:changed', load);
    return () => {
      current = false;
      offVault();
      offWorkspace();
    };
  }, [api, key, requestId, environmentId]);
  return facts?.key === key ? facts.facts : null;
}
