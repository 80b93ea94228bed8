import type { ExchangeRequest } from '../../../../../main/contract/exchanges.ts';

/** A request as it went out, secrets already replaced: request line, headers, blank line, body. */
export function SentRequest({ request }: { request: ExchangeRequest }) {
  const text = [`${request.method} ${request.url}`, ...request.headers.map((h) => `${h.name}: ${h.value}`), ...(request.bodyPreview ? ['', request.bodyPreview] : [])].join('\n');
  return (
    <pre className="dbg-pre" data-testid="exchange-request">
      {text}
    </pre>
  );
}
