import type { ClockSkew } from '../contract/http.ts';

/** Beyond this, X-Timestamp and OAuth timestamp checks on the server start failing. */
export const SKEW_WARNING_SECONDS = 60;

/** Compares the server's Date header with the local clock at the moment the headers arrived. */
export function clockSkew(dateHeader: string | undefined, localNowMs: number): ClockSkew | null {
  if (dateHeader === undefined || dateHeader === '') return null;
  const serverMs = Date.parse(dateHeader);
  if (Number.isNaN(serverMs)) return null;
  // Date has one-second resolution; round so a fresh response reads as 0, not -0.4.
  const skewSeconds = Math.round((serverMs - localNowMs) / 1000);
  return { serverDate: dateHeader, skewSeconds, warning: Math.abs(skewSeconds) > SKEW_WARNING_SECONDS };
}
