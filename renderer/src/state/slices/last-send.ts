import type { StateCreator } from 'zustand';
import type { ErrorCode } from '../../../../main/contract/index.ts';
import type { HttpProgress } from '../../../../main/contract/http.ts';
import type { SendResult, SignResult } from '../../../../main/contract/requests.ts';

/**
 * The workbench's last send or signature, kept here rather than in the page so
 * that going to Flows or the Vault and back still shows the response (and a
 * send still running when the user left lands here when it ends). Everything
 * in it came through the redactor in main; nothing is persisted.
 */
export type LastSend = {
  /** The request the result, trace and error belong to. */
  subject: string | null;
  environmentId: string | null;
  /** The id of the send in flight, or null. */
  running: string | null;
  progress: HttpProgress | null;
  result: SendResult | null;
  signed: SignResult | null;
  error: string | null;
  errorCode: ErrorCode | null;
  /** The shown response's temporary file (a spilled body), let go when the response is replaced. */
  spilledPath: string | null;
};

export type LastSendSlice = {
  lastSend: LastSend;
  updateLastSend: (change: Partial<LastSend>) => void;
};

export const emptyLastSend: LastSend = {
  subject: null,
  environmentId: null,
  running: null,
  progress: null,
  result: null,
  signed: null,
  error: null,
  errorCode: null,
  spilledPath: null,
};

export const createLastSendSlice: StateCreator<LastSendSlice, [], [], LastSendSlice> = (set) => ({
  lastSend: emptyLastSend,
  updateLastSend: (change) => set((state) => ({ lastSend: { ...state.lastSend, ...change } })),
});
