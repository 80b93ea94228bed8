import { useMemo } from 'react';
import type { VariableFact } from '../../../../../main/contract/variables.ts';
import { skip, useChannel } from '../../../state/use-channel.ts';

export type VariableFacts = ReadonlyMap<string, VariableFact>;

/**
 * What each `{{name}}` resolves to in the chosen environment, asked of main
 * (variables:resolve): values of plain variables, secrets by name and
 * provider only. Asked again when the vault or the workspace changes; while
 * new names load, the previous answer stays (no flicker as you type).
 */
export function useVariableFacts(requestId: string, environmentId: string | undefined, names: readonly string[]): VariableFacts | null {
  const sorted = useMemo(() => [...new Set(names)].sort(), [names]);
  const answer = useChannel('variables:resolve', environmentId === undefined || sorted.length === 0 ? skip : { requestId, environmentId, names: sorted }, {
    invalidateOn: ['vault:changed', 'workspace:changed'],
    keepPrevious: true,
  });
  const variables = answer.data?.variables;
  // No answer (an unsaved request, a deleted environment): the marks fall back to what the renderer knows.
  return useMemo(() => (variables ? new Map(variables.map((fact) => [fact.name, fact])) : null), [variables]);
}
