/** The longest an agent may live: a forgotten agent should not outlast a working day by much. */
export const MAX_AGENT_MS = 12 * 60 * 60 * 1000;

const UNITS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000 };

/** "90s", "15m", "2h" (or a bare number of minutes) in milliseconds; null when unreadable or out of range. */
export function parseAgentDuration(text: string): number | null {
  const match = /^(\d{1,6})([smh]?)$/.exec(text.trim());
  if (!match) return null;
  const [, amount = '', unit = ''] = match;
  const ms = Number(amount) * (UNITS[unit === '' ? 'm' : unit] ?? 0);
  return ms >= 1000 && ms <= MAX_AGENT_MS ? ms : null;
}
