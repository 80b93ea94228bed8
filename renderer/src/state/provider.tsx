import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import type { ApiClient } from '../api/client.ts';
import { ApiProvider } from '../api/context.tsx';
import { EventHub } from './event-hub.ts';
import { syncLayout } from './layout-sync.ts';
import { createQueryClient } from './query-client.ts';
import { createUiStore, type UiStore } from './ui-store.ts';

const HubContext = createContext<EventHub | null>(null);
const UiStoreContext = createContext<UiStore | null>(null);

/**
 * The app root's one provider: the API client, the query cache with main's
 * events wired to it, and the UI store. Tests pass a fake client and, if
 * they look inside, their own cache and store.
 */
export function StateProvider({
  api,
  queryClient,
  uiStore,
  rememberLayout = true,
  children,
}: {
  api: ApiClient;
  queryClient?: QueryClient;
  uiStore?: UiStore;
  /** Read and write the layout through main (off in component tests that do not look at it). */
  rememberLayout?: boolean;
  children: ReactNode;
}) {
  const [queries] = useState(() => queryClient ?? createQueryClient());
  const [hub] = useState(() => new EventHub(api, queries));
  const [store] = useState(() => uiStore ?? createUiStore());
  useEffect(() => (rememberLayout ? syncLayout(api, store) : undefined), [api, store, rememberLayout]);
  return (
    <ApiProvider api={api}>
      <QueryClientProvider client={queries}>
        <HubContext.Provider value={hub}>
          <UiStoreContext.Provider value={store}>{children}</UiStoreContext.Provider>
        </HubContext.Provider>
      </QueryClientProvider>
    </ApiProvider>
  );
}

export function useEventHub(): EventHub {
  const hub = useContext(HubContext);
  if (!hub) throw new Error('useEventHub outside StateProvider');
  return hub;
}

export function useUiStoreApi(): UiStore {
  const store = useContext(UiStoreContext);
  if (!store) throw new Error('useUi outside StateProvider');
  return store;
}
