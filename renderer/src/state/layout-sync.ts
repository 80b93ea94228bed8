import type { ApiClient } from '../api/client.ts';
import { cleanPaneSizes } from './slices/layout.ts';
import type { UiStore } from './ui-store.ts';

/** How long pane sizes must rest (a drag ends) before they are written. */
export const LAYOUT_SAVE_DELAY_MS = 400;

/**
 * Remembers the layout through main (`settings:layout`), in the data
 * directory: per user in the desktop app and in browser mode alike, where the
 * page's origin (and so its localStorage) changes with the port. Sizes are
 * read once at start, unless the user resized first, and written after each
 * change settles. Returns the function that stops it.
 */
export function syncLayout(api: ApiClient, store: UiStore, log: (message: string) => void = () => undefined): () => void {
  let stopped = false;
  let touched = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let applying = false;

  api.invoke['settings:layout']({}).then(
    (layout) => {
      if (stopped || touched) return;
      applying = true;
      store.setState({ paneSizes: cleanPaneSizes(layout.paneSizes) });
      applying = false;
    },
    // Without it the default layout is used; nothing else depends on it.
    () => log('the remembered layout could not be read'),
  );

  const unsubscribe = store.subscribe((state, previous) => {
    if (applying || state.paneSizes === previous.paneSizes) return;
    touched = true;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      api.invoke['settings:set-layout']({ paneSizes: store.getState().paneSizes }).catch(() => log('the layout could not be remembered'));
    }, LAYOUT_SAVE_DELAY_MS);
  });

  return () => {
    stopped = true;
    unsubscribe();
    if (timer) clearTimeout(timer);
  };
}
