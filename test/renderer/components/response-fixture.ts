import type { BodyPreview, ResponseSummary } from '../../../main/contract/http.ts';
import type { SendResult } from '../../../main/contract/requests.ts';

/** A finished send with a 200 response, as main returns it, for response-pane tests. */
export function sendResult(preview: BodyPreview, change: Partial<ResponseSummary> = {}): SendResult {
  const response: ResponseSummary = {
    url: 'https://gateway.test/orders',
    status: 200,
    statusText: 'OK',
    headers: [['Content-Type', 'application/json']],
    timing: { dnsMs: null, connectMs: null, tlsMs: null, firstByteMs: 3, downloadMs: 1, totalMs: 12 },
    bytes: preview.data.length,
    contentType: 'application/json',
    preview,
    saved: null,
    clockSkew: null,
    redirects: [],
    pendingRedirect: null,
    ...change,
  };
  return { sendId: 'send-1', environment: { id: 'env-uat', name: 'UAT', protected: false }, outcome: { ok: true, response }, traces: [], retried: false };
}
