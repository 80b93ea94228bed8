/** A stored ISO date in the user's locale; the raw text if it does not parse. */
export function formatCreated(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString();
}

export function formatElapsed(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** First and last bytes of a colon-hex fingerprint, enough to tell keys apart in a list; the full value is in the details. */
export function shortFingerprint(hex: string): string {
  const bytes = hex.split(':');
  return bytes.length <= 10 ? hex : `${bytes.slice(0, 6).join(':')}…${bytes.slice(-4).join(':')}`;
}
