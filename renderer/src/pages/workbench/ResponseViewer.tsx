import { useState } from 'react';
import type { HttpProgress, TimingBreakdown } from '../../../../main/contract/http.ts';
import type { SendResult } from '../../../../main/contract/requests.ts';
import { formatBytes } from '../../format/bytes.ts';
import { ResponseBody } from './ResponseBody.tsx';
import { AssertionResults } from './assertions/AssertionResults.tsx';
import { HeadersTable } from '../../components/HeadersTable.tsx';
import { NetworkFactsView, TlsOffWarning } from './NetworkFactsView.tsx';
import { ExchangeStrip } from './debugger/ExchangeStrip.tsx';
import { FailureNote } from './debugger/FailureNote.tsx';

const REDIRECT_REASON = {
  'method-not-safe': 'it would resend a non-GET request',
  'max-hops': 'too many redirects',
  downgrade: 'it goes from HTTPS to HTTP',
} as const;

type Props = { result: SendResult | null; running: boolean; progress: HttpProgress | null; onCancel: () => void };

export function ResponseViewer({ result, running, progress, onCancel }: Props) {
  const [section, setSection] = useState<'body' | 'headers' | 'timing'>('body');
  if (running) {
    const percent = progress?.total ? Math.round((progress.bytes / progress.total) * 100) : null;
    return (
      <section className="wb-response" aria-label="Response">
        <p>Sending…</p>
        {progress && (
          <>
            <progress max={progress.total ?? undefined} value={progress.total ? progress.bytes : undefined} aria-label="Download progress" />
            <p className="hint">
              {formatBytes(progress.bytes)}
              {percent !== null && ` of ${formatBytes(progress.total ?? 0)} (${percent}%)`} · {formatBytes(progress.rate)}/s
            </p>
          </>
        )}
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </section>
    );
  }
  if (!result) {
    return (
      <section className="wb-response" aria-label="Response" data-testid="response-empty">
        <p className="empty">Press Send (Ctrl/Cmd+Enter) to see the response here.</p>
      </section>
    );
  }
  const { outcome } = result;
  const exchanges = result.exchanges ?? [];
  // The call was never made when a token step failed: say which request this answer belongs to.
  const tokenAnswer = exchanges.length > 0 && exchanges.every((exchange) => exchange.role === 'token');
  const failure = result.failure ? <FailureNote announce failure={result.failure} where={tokenAnswer ? 'the call was not made' : undefined} /> : null;
  const strip = exchanges.length > 1 || tokenAnswer ? <ExchangeStrip exchanges={exchanges} /> : null;
  if (!outcome.ok) {
    return (
      <section className="wb-response" aria-label="Response">
        {failure ? (
          <>
            {failure}
            <p className="hint" data-testid="response-error">
              {outcome.error.message}
            </p>
          </>
        ) : (
          <p role="alert" className="error" data-testid="response-error">
            {outcome.error.message}
          </p>
        )}
        {strip}
        <TlsOffWarning network={result.network} />
        <NetworkFactsView network={result.network} />
      </section>
    );
  }
  const response = outcome.response;
  const tone = response.status < 300 ? 'ok' : response.status < 400 ? 'redirect' : 'fail';
  return (
    <section className="wb-response" aria-label="Response">
      <div className="wb-response-summary">
        <span className={`wb-status ${tone}`} data-testid="response-status">
          {response.status} {response.statusText}
        </span>
        <span>{Math.round(response.timing.totalMs)} ms</span>
        <span>{formatBytes(response.bytes)}</span>
        <span className="hint">in {result.environment.name}</span>
        {result.retried && <span className="hint">(sent again after a 401 with a fresh token)</span>}
        {tokenAnswer && <span className="hint">from the token endpoint</span>}
      </div>
      {failure}
      {strip}
      <TlsOffWarning network={result.network} />
      <AssertionResults results={result.assertions} />
      {response.clockSkew?.warning && (
        <p className="warn">The server clock is {Math.round(response.clockSkew.skewSeconds)} s off yours: timestamped signatures may be rejected.</p>
      )}
      {response.redirects.length > 0 && (
        <details className="hint">
          <summary>Followed {response.redirects.length} redirect{response.redirects.length === 1 ? '' : 's'}</summary>
          <ol>
            {response.redirects.map((hop, index) => (
              <li key={index}>
                {hop.status} <code>{hop.from}</code> → <code>{hop.location}</code>
              </li>
            ))}
          </ol>
        </details>
      )}
      {response.pendingRedirect && (
        <p className="warn">
          Not followed ({REDIRECT_REASON[response.pendingRedirect.reason]}): <code>{response.pendingRedirect.location}</code>
        </p>
      )}
      <div role="tablist" aria-label="Response parts" className="wb-segments">
        {(['body', 'headers', 'timing'] as const).map((part) => (
          <button key={part} type="button" role="tab" aria-selected={section === part} onClick={() => setSection(part)}>
            {part === 'body' ? 'Body' : part === 'headers' ? `Headers (${response.headers.length})` : 'Timing'}
          </button>
        ))}
      </div>
      {section === 'body' && <ResponseBody key={result.sendId} response={response} spilled={result.spilled === true} />}
      {section === 'headers' && <HeadersTable headers={response.headers} />}
      {section === 'timing' && (
        <>
          <Timing timing={response.timing} />
          <NetworkFactsView network={result.network} />
        </>
      )}
    </section>
  );
}

function Timing({ timing }: { timing: TimingBreakdown }) {
  const phases: [string, number | null][] = [
    ['DNS', timing.dnsMs],
    ['Connect', timing.connectMs],
    ['TLS', timing.tlsMs],
    ['First byte', timing.firstByteMs],
    ['Download', timing.downloadMs],
    ['Total', timing.totalMs],
  ];
  return (
    <dl className="facts" data-testid="timing">
      {phases.map(([label, ms]) => (
        <div className="fact-row" key={label}>
          <dt>{label}</dt>
          <dd>{ms === null ? '—' : `${ms.toFixed(1)} ms`}</dd>
        </div>
      ))}
    </dl>
  );
}
