/** The sandbox only ever calls back to this machine. */
import { isIPv4 } from 'node:net';

export type LoopbackCheck = { ok: true; url: URL } | { ok: false; reason: string };

export function checkLoopbackCallbackUrl(value: string): LoopbackCheck {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { ok: false, reason: `X-Callback-Url "${value}" is not an absolute URL` };
  }
  if (url.protocol !== 'http:') return { ok: false, reason: 'the sandbox calls back over plain http only' };
  const host = url.hostname;
  const loopback = host === 'localhost' || host === '[::1]' || (isIPv4(host) && host.startsWith('127.'));
  if (!loopback) return { ok: false, reason: `the sandbox only calls back to loopback hosts (127.0.0.0/8, ::1, localhost), not "${host}"` };
  return { ok: true, url };
}
