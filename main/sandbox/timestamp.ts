/** Freshness of a Unix timestamp (seconds) sent by a client. */

export type TimestampCheck =
  | { ok: true; skewSeconds: number }
  | { ok: false; reason: string; stale: boolean; skewSeconds?: number };

export function checkUnixTimestamp(value: string | undefined, nowMs: number, toleranceSeconds: number): TimestampCheck {
  if (value === undefined || value === '') return { ok: false, reason: 'the timestamp is missing', stale: false };
  if (!/^\d{1,12}$/.test(value)) {
    return { ok: false, reason: `the timestamp "${value}" is not whole Unix seconds`, stale: false };
  }
  const skewSeconds = Number(value) - Math.floor(nowMs / 1000);
  if (Math.abs(skewSeconds) > toleranceSeconds) {
    const direction = skewSeconds < 0 ? 'behind' : 'ahead of';
    return {
      ok: false,
      stale: true,
      skewSeconds,
      reason: `the timestamp ${value} is ${Math.abs(skewSeconds)} s ${direction} the sandbox clock (allowed: ±${toleranceSeconds} s)`,
    };
  }
  return { ok: true, skewSeconds };
}
