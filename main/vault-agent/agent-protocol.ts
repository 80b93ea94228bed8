/**
 * The agent's wire format: one JSON line each way per connection. The agent
 * answers `key` with the vault's data key (base64) while the vault's key
 * wrapping is unchanged, `lock` by exiting, `status` with its deadline.
 */
export type AgentRequest = { op: 'key' | 'lock' | 'status' };

export type AgentReply =
  | { ok: true; key?: string; expiresAt: number; pid: number }
  | { ok: false; reason: string };

/** A request line is a few bytes; anything longer is not one of ours. */
export const MAX_LINE_BYTES = 1024;

export function parseRequest(line: string): AgentRequest | null {
  try {
    const value: unknown = JSON.parse(line);
    if (typeof value !== 'object' || value === null) return null;
    const op = (value as { op?: unknown }).op;
    return op === 'key' || op === 'lock' || op === 'status' ? { op } : null;
  } catch {
    return null;
  }
}

export function parseReply(line: string): AgentReply | null {
  try {
    const value: unknown = JSON.parse(line);
    if (typeof value !== 'object' || value === null) return null;
    const reply = value as Record<string, unknown>;
    if (reply.ok === false && typeof reply.reason === 'string') return { ok: false, reason: reply.reason };
    if (reply.ok !== true || typeof reply.expiresAt !== 'number' || typeof reply.pid !== 'number') return null;
    if (reply.key !== undefined && typeof reply.key !== 'string') return null;
    return { ok: true, expiresAt: reply.expiresAt, pid: reply.pid, ...(typeof reply.key === 'string' ? { key: reply.key } : {}) };
  } catch {
    return null;
  }
}
