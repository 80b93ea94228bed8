import { execFileSync, spawnSync } from 'node:child_process';

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
