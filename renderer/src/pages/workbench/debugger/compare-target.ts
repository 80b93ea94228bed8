import { useSyncExternalStore } from 'react';

/**
 * The history entry the user picked in History for the debugger to compare against.
 * A tiny shared store: History and the debugger sit side by side on the workbench, and the
 * choice must survive the debugger re-rendering for another send.
 */
export type CompareTarget = { historyId: string; label: string };

let current: CompareTarget | null = null;
const listeners = new Set<() => void>();

export function pickCompareTarget(target: CompareTarget | null): void {
  current = target;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useCompareTarget(): CompareTarget | null {
  return useSyncExternalStore(subscribe, () => current);
}
