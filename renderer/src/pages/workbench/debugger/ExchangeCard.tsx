import type { Exchange } from '../../../../../main/contract/exchanges.ts';
import { Trace } from './Trace.tsx';
import { FailureNote } from './FailureNote.tsx';
import { SentRequest } from './SentRequest.tsx';
import { roleLabel } from './failure-text.ts';

type Props = { exchange: Exchange; index: number; showTraces?: boolean };

/** One round trip of a send: what went out, what came back, its signature steps and, when it failed, why. */
export function ExchangeCard({ exchange, index, showTraces = true }: Props) {
  const failed = exchange.failure !== null;
  const statusText = exchange.status !== null ? String(exchange.status) : exchange.sent ? 'no answer' : 'not sent';
  return (
    <li className={`dbg-exchange${failed ? ' failed' : ''}`} data-testid="exchange" data-role={exchange.role} data-status={exchange.status ?? ''}>
      <div className="dbg-exchange-head">
        <strong>
          {index + 1}. {roleLabel(exchange.role)}
        </strong>
        <span className="dbg-exchange-label">{exchange.label}</span>
        <span className={failed ? 'wb-history-bad' : 'wb-history-ok'} data-testid="exchange-status">
          {statusText}
        </span>
        <span className="hint">{Math.round(exchange.durationMs)} ms</span>
      </div>
      {exchange.failure && <FailureNote failure={exchange.failure} />}
      {exchange.request ? (
        <details open={failed}>
          <summary>Request as sent</summary>
          <SentRequest request={exchange.request} />
        </details>
      ) : (
        <p className="hint">This request never left this machine.</p>
      )}
      {exchange.status !== null && (
        <details open={failed}>
          <summary>Answer ({exchange.status})</summary>
          {exchange.headers.length > 0 && (
            <pre className="dbg-pre dbg-headers">{exchange.headers.map(([name, value]) => `${name}: ${value}`).join('\n')}</pre>
          )}
          <pre className="dbg-pre" data-testid="exchange-body">
            {exchange.bodyPreview || '(empty body)'}
          </pre>
        </details>
      )}
      {showTraces && exchange.traces.map((trace, position) => <Trace key={position} trace={trace} />)}
    </li>
  );
}
