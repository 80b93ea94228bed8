/** Delivers a final request-to-pay status by PUT to the caller's callback URL. */
import { request } from 'node:http';

export type CallbackResult = { ok: true; status: number } | { ok: false; error: string };

export function putCallback(url: URL, body: unknown, timeoutMs = 5000): Promise<CallbackResult> {
  const text = JSON.stringify(body);
  return new Promise((resolve) => {
    const req = request(
      url,
      {
        method: 'PUT',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) },
        timeout: timeoutMs,
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve({ ok: true, status: res.statusCode ?? 0 }));
        res.on('error', (error) => resolve({ ok: false, error: error.message }));
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on('error', (error) => resolve({ ok: false, error: error.message }));
    req.end(text);
  });
}
