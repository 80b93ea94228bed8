import { useCallback, useRef, useState } from 'react';
import type { GenerateKeyOutput, KeySize } from '../../../../main/contract/keys.ts';
import { useApi } from '../../api/context.tsx';
import { useEvent } from '../../state/use-channel.ts';

export type RunningGeneration = { jobId: string; bits: KeySize; elapsedMs: number; cancelling: boolean };

/**
 * Runs a generation (new key or rotation) under a job id chosen here, so
 * Cancel can name the job before main has answered. Progress comes from
 * `keys:generation-progress`; main reports time spent, not a percentage.
 */
export function useKeyGeneration() {
  const api = useApi();
  const [running, setRunning] = useState<RunningGeneration | null>(null);
  const current = useRef<string | null>(null);

  useEvent('keys:generation-progress', (progress) => {
    setRunning((state) => (state && state.jobId === progress.jobId ? { ...state, elapsedMs: progress.elapsedMs } : state));
  });

  const start = useCallback(async (bits: KeySize, call: (jobId: string) => Promise<GenerateKeyOutput>): Promise<GenerateKeyOutput> => {
    const jobId = crypto.randomUUID();
    current.current = jobId;
    setRunning({ jobId, bits, elapsedMs: 0, cancelling: false });
    try {
      return await call(jobId);
    } finally {
      if (current.current === jobId) {
        current.current = null;
        setRunning(null);
      }
    }
  }, []);

  const cancel = useCallback(async (): Promise<void> => {
    const jobId = current.current;
    if (!jobId) return;
    setRunning((state) => (state ? { ...state, cancelling: true } : state));
    // The pending generate call then resolves with outcome 'cancelled'.
    await api.invoke['keys:cancel-generation']({ jobId });
  }, [api]);

  return { running, start, cancel };
}
