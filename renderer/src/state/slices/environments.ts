import type { StateCreator } from 'zustand';

/**
 * Which environment each collection uses, and which requests the user agreed
 * to send to a protected environment: for this session only, so Production
 * is never pre-selected or pre-confirmed at the next start. Choosing one
 * never sends anything.
 */
export type EnvironmentsSlice = {
  environmentByCollection: Readonly<Record<string, string>>;
  chooseEnvironment: (collectionId: string, environmentId: string) => void;
  /** Keys of (request, protected environment) pairs confirmed "for this session". */
  confirmedProtected: Readonly<Record<string, true>>;
  confirmProtected: (requestId: string, environmentId: string) => void;
};

export const protectedKey = (requestId: string, environmentId: string): string => `${requestId}\u0000${environmentId}`;

export const createEnvironmentsSlice: StateCreator<EnvironmentsSlice, [], [], EnvironmentsSlice> = (set) => ({
  environmentByCollection: {},
  chooseEnvironment: (collectionId, environmentId) => set((state) => ({ environmentByCollection: { ...state.environmentByCollection, [collectionId]: environmentId } })),
  confirmedProtected: {},
  confirmProtected: (requestId, environmentId) => set((state) => ({ confirmedProtected: { ...state.confirmedProtected, [protectedKey(requestId, environmentId)]: true } })),
});
