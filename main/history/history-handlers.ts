import type { Handlers } from '../core/dispatcher.ts';
import type { HistoryService } from './history-service.ts';

/** The history:* channels over the history service. */
export function createHistoryHandlers(history: HistoryService): Pick<Handlers, 'history:list' | 'history:get' | 'history:clear'> {
  return {
    'history:list': (input) => history.list(input),
    'history:get': ({ id }) => history.get(id),
    'history:clear': () => history.clear(),
  };
}
