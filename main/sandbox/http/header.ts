import type { IncomingMessage } from 'node:http';

/** One header's value; repeated headers are joined the way Node joins them. */
export function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name.toLowerCase()];
  return Array.isArray(value) ? value.join(', ') : value;
}
