import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { useUiStoreApi } from './provider.tsx';
import type { UiState } from './ui-store.ts';

/** Reads one value (or action) from the UI store; re-renders only when it changes. */
export function useUi<T>(selector: (state: UiState) => T): T {
  return useStore(useUiStoreApi(), selector);
}

/** Reads several values as one object, compared key by key (so a fresh object each time does not re-render). */
export function useUiShallow<T extends object>(selector: (state: UiState) => T): T {
  return useStore(useUiStoreApi(), useShallow(selector));
}
