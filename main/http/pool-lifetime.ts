/**
 * Closes the process's connection pools if a send ever opened them. Imports
 * nothing, so a door can call it at exit without loading the HTTP stack
 * (`countersign list` never sends and should not load undici to say so).
 */
let closeOpen: (() => Promise<void>) | null = null;

/** Called by connection-pool.ts when it makes the process's pools. */
export function registerPoolCloser(close: () => Promise<void>): void {
  closeOpen = close;
}

/** Closes idle keep-alive connections (in-flight sends finish first); a no-op when no send was made. */
export async function closeConnectionPoolsIfOpen(): Promise<void> {
  const close = closeOpen;
  closeOpen = null;
  await close?.();
}
