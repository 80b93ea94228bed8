import type { SchemeTrace } from '../contract/auth.ts';
import type { Exchange, ExchangeFailure } from '../contract/exchanges.ts';
import type { HttpOutcome } from '../contract/http.ts';
import { Redactor } from '../core/redactor.ts';
import type { SignedRequest as WireRequest } from '../http/index.ts';

const PREVIEW_CHARS = 2048;

/** One round trip as it happened, in clear: it becomes an Exchange only through `toExchange`, walked by a redactor. */
export type ExchangeDraft = {
  role: Exchange['role'];
  label: string;
  wire: WireRequest | null;
  at: number;
  durationMs: number;
  outcome: HttpOutcome | null;
  traces: SchemeTrace[];
  failure: ExchangeFailure | null;
  /** Secrets this round trip carries in its own bytes (a token request's client_secret, its Basic credentials, the token answered). */
  secrets?: Redactor | undefined;
};

/** The text of a response preview (base64 previews decoded as UTF-8 for the cause sentence). */
export function previewText(outcome: HttpOutcome): string {
  if (!outcome.ok) return '';
  const { preview } = outcome.response;
  return preview.encoding === 'utf8' ? preview.data : Buffer.from(preview.data, 'base64').toString('utf8');
}

function cut(text: string): string {
  return text.length > PREVIEW_CHARS ? `${text.slice(0, PREVIEW_CHARS)}…` : text;
}

/** A network failure before the connection (DNS, refused, a refused redirect) sent nothing. */
function wasSent(outcome: HttpOutcome | null): boolean {
  if (outcome === null) return false;
  if (outcome.ok) return true;
  return !['dns', 'refused', 'invalid-request', 'proxy', 'tls', 'client-cert', 'cancelled', 'redirect-refused'].includes(outcome.error.kind);
}

/** Redacts the whole draft before anything is cut, so no half of a secret survives at a cut. */
export function toExchange(draft: ExchangeDraft, known: Redactor): Exchange {
  const redactor = draft.secrets === undefined ? known : new Redactor().absorb(known).absorb(draft.secrets);
  const clear = redactor.redactDeep({
    request:
      draft.wire === null
        ? null
        : {
            method: draft.wire.method,
            url: draft.wire.url,
            headers: draft.wire.headers.map(([name, value]) => ({ name, value })),
            body: typeof draft.wire.body === 'string' ? draft.wire.body : '',
          },
    response: draft.outcome?.ok === true ? draft.outcome.response : null,
    body: draft.outcome === null ? '' : previewText(draft.outcome),
    traces: draft.traces,
    failure: draft.failure,
  });
  return {
    role: draft.role,
    label: draft.label,
    request: clear.request === null ? null : { method: clear.request.method, url: clear.request.url, headers: clear.request.headers, bodyPreview: cut(clear.request.body) },
    sent: wasSent(draft.outcome),
    at: draft.at,
    status: clear.response?.status ?? null,
    headers: clear.response?.headers ?? [],
    bodyPreview: cut(clear.body),
    timing: clear.response?.timing ?? null,
    durationMs: Math.max(0, draft.durationMs),
    traces: clear.traces,
    failure: clear.failure,
  };
}
