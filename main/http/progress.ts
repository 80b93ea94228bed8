import type { HttpProgress } from '../contract/http.ts';

export const PROGRESS_INTERVAL_MS = 100;

/**
 * Passes on at most one progress report per interval (about ten a second),
 * whatever the chunk rate, so the UI is never flooded. The rate is measured
 * over the interval since the previous report.
 */
export function progressThrottle(
  requestId: string,
  total: number | undefined,
  now: () => number,
  emit: (progress: HttpProgress) => void,
  intervalMs = PROGRESS_INTERVAL_MS,
): (bytes: number) => void {
  const start = now();
  let lastAt = start;
  let lastBytes = 0;
  return (bytes) => {
    const at = now();
    if (at - lastAt < intervalMs) return;
    const rate = ((bytes - lastBytes) * 1000) / Math.max(1, at - lastAt);
    lastAt = at;
    lastBytes = bytes;
    const progress: HttpProgress = { requestId, bytes, rate: Math.round(rate) };
    if (total !== undefined) progress.total = total;
    emit(progress);
  };
}
