import type { Environment } from '../../../../main/contract/workspace.ts';
import { errorMessage } from '../../api/errors.ts';
import { skip, useChannel } from '../../state/use-channel.ts';
import { useUi } from '../../state/use-ui.ts';

export type EnvironmentsView = {
  environments: Environment[];
  active: Environment | undefined;
  select: (environmentId: string) => void;
  error: string | null;
};

/**
 * The active request's collection's environments and the one in use (the
 * first, Sandbox, unless chosen). The choice per collection lives in the UI
 * store, so History (reopening an entry) can choose for a collection not in view.
 */
export function useEnvironments(collectionId: string | undefined): EnvironmentsView {
  const list = useChannel('workspace:environments', collectionId ? { collectionId } : skip, { invalidateOn: ['workspace:changed'] });
  const chosen = useUi((state) => (collectionId ? state.environmentByCollection[collectionId] : undefined));
  const choose = useUi((state) => state.chooseEnvironment);
  const environments = collectionId ? (list.data ?? []) : [];
  const active = environments.find((environment) => environment.id === chosen) ?? environments[0];
  const select = (environmentId: string) => {
    if (collectionId) choose(collectionId, environmentId);
  };
  return { environments, active, select, error: list.error ? errorMessage(list.error) : null };
}
