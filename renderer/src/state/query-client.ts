import { QueryClient } from '@tanstack/react-query';

/**
 * The renderer's one query cache. Main's events keep it current (see
 * event-hub.ts), so nothing refetches on focus or retries: a failed call is
 * shown, not hidden behind three more attempts.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: false, refetchOnWindowFocus: false, refetchOnReconnect: false },
      mutations: { retry: false },
    },
  });
}
