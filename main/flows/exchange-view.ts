import type { CallbackEntry } from '../contract/flows.ts';
import type { HttpOutcome } from '../contract/http.ts';
import type { SignedPreview } from '../contract/requests.ts';

/**
 * What captures and conditions read: a response (or a received callback) and,
 * for request steps, the request as sent. Bodies are text: the response's
 * preview (the first MiB), the callback's kept body.
 */
export type ExchangeView = {
  status: number | undefined;
  headers: readonly (readonly [string, string])[];
  body: string;
  sent: SignedPreview | undefined;
};

export function responseView(outcome: Extract<HttpOutcome, { ok: true }>, sent: SignedPreview): ExchangeView {
  const { response } = outcome;
  const body = response.preview.encoding === 'utf8' ? response.preview.data : Buffer.from(response.preview.data, 'base64').toString('utf8');
  return { status: response.status, headers: response.headers, body, sent };
}

export function callbackView(entry: CallbackEntry): ExchangeView {
  return { status: undefined, headers: entry.headers, body: entry.body, sent: undefined };
}
