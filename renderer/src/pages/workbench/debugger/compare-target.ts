import { useUi } from '../../../state/use-ui.ts';

export type { CompareTarget } from '../../../state/slices/debugger.ts';

/** The History entry picked for Compare (the UI store's debugger slice), or null. */
export function useCompareTarget() {
  return useUi((state) => state.compareTarget);
}

/** Picks (or, with null, drops) the History entry the debugger compares against. */
export function usePickCompareTarget() {
  return useUi((state) => state.pickCompareTarget);
}
