import { execFileSync, spawnSync } from 'node:child_process';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** A request as a test server received it. */
export type Seen = { headers: Record<string, string>; body: Buffer };

const CHECK_SCRIPT = new URL('multipart-check.py', import.meta.url).pathname;

function python(): string {
  for (const candidate of ['python3', '/usr/bin/python3']) {
    if (spawnSync(candidate, ['-c', 'import oauthlib'], { stdio: 'ignore' }).status === 0) return candidate;
  }
  throw new Error('No python3 with oauthlib (apt-get install python3-oauthlib): npm run doctor says how.');
}

export type Part = { name: string; filename: string | null; content_type: string | null; data_b64: string };
export type Check = { parts?: Part[]; defects?: string[]; base_string?: string; signature?: string };

/** The received body as python3's email parser (and, when asked, oauthlib) reads it: multipart-check.py. */
export function checkMultipart(seen: Seen, extra: Record<string, unknown> = {}): Check {
  const input = JSON.stringify({ content_type: seen.headers['content-type'] ?? '', body_b64: seen.body.toString('base64'), ...extra });
  return JSON.parse(execFileSync(python(), [CHECK_SCRIPT], { input, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 })) as Check;
}

/** A test server's handler: keeps each request's headers and whole body in `seen` and answers {"ok":true}. */
export function recordRequests(seen: Seen[]): (request: IncomingMessage, response: ServerResponse) => void {
  return (request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(request.headers)) headers[name] = Array.isArray(value) ? value.join(', ') : (value ?? '');
      seen.push({ headers, body: Buffer.concat(chunks) });
      response.setHeader('content-type', 'application/json');
      response.end('{"ok":true}');
    });
  };
}
