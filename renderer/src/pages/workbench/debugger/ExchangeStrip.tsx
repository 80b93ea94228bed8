import type { Exchange } from '../../../../../main/contract/exchanges.ts';
import { CATEGORY_LABEL, roleLabel } from './failure-text.ts';

/** One line per round trip of a send, so a token request that came first is never hidden behind the call. */
export function ExchangeStrip({ exchanges }: { exchanges: readonly Exchange[] }) {
  return (
    <ol className="dbg-strip" aria-label="Round trips of this send" data-testid="exchange-strip">
      {exchanges.map((exchange, index) => (
        <li key={index}>
          {roleLabel(exchange.role)}: {exchange.request ? `${exchange.request.method} ${exchange.request.url}` : exchange.label} →{' '}
          <span className={exchange.failure ? 'wb-history-bad' : 'wb-history-ok'}>
            {exchange.status ?? (exchange.sent ? 'no answer' : 'not sent')}
            {exchange.failure && ` (${CATEGORY_LABEL[exchange.failure.category]})`}
          </span>
        </li>
      ))}
    </ol>
  );
}
