import { UiLayoutInput, type UiLayout } from '../contract/settings.ts';
import type { StoreFactory } from '../platform/store.ts';

export type UiLayoutService = { get(): UiLayout; set(layout: UiLayout): UiLayout };

/**
 * The renderer's remembered layout, in the data directory (so it is per user
 * in the desktop app and in browser mode alike, whatever port the page was
 * served on). A hand-edited file that no longer fits gives the default layout.
 */
export function createUiLayoutService(stores: StoreFactory): UiLayoutService {
  const store = stores<{ paneSizes: Record<string, number> }>('ui-layout', { paneSizes: {} });
  const get = (): UiLayout => {
    const parsed = UiLayoutInput.safeParse({ paneSizes: (store.store as Record<string, unknown>).paneSizes });
    return parsed.success ? parsed.data : { paneSizes: {} };
  };
  return {
    get,
    set(layout) {
      store.set('paneSizes', layout.paneSizes);
      return get();
    },
  };
}
