import type { StateCreator } from 'zustand';

/**
 * Which environment each collection uses, for this session only: Production
 * is never pre-selected at the next start. Choosing one never sends anything.
 */
export type EnvironmentsSlice = {
  environmentByCollection: Readonly<Record<string, string>>;
  chooseEnvironment: (collectionId: string, environmentId: string) => void;
};

export const createEnvironmentsSlice: StateCreator<EnvironmentsSlice, [], [], EnvironmentsSlice> = (set) => ({
  environmentByCollection: {},
  chooseEnvironment: (collectionId, environmentId) => set((state) => ({ environmentByCollection: { ...state.environmentByCollection, [collectionId]: environmentId } })),
});
