import { useEffect, useState } from 'react';
import type { FlowRunState, StepDetail, StepState } from '../../../../main/contract/flows.ts';
import type { SignedPreview } from '../../../../main/contract/requests.ts';
import { useApi } from '../../api/context.tsx';
import { errorMessage } from '../../api/errors.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { ResponseViewer } from '../workbench/ResponseViewer.tsx';
import { CallbackEntryView } from './CallbackEntryView.tsx';
import { TraceList } from './TraceList.tsx';

const noop = () => undefined;

/** One step's last exchange: the request as sent (secrets redacted), the response and the signing trace; or the callback it received. */
export function StepDetailView({ run, step, onClose }: { run: FlowRunState; step: StepState; onClose: () => void }) {
  const api = useApi();
  const [detail, setDetail] = useState<StepDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { runId } = run;
  const { index, status, attempts } = step;

  // Asked again whenever the step moves on (another poll, the end of a wait).
  useEffect(() => {
    let live = true;
    api.invoke['flows:step-detail']({ runId, index }).then(
      (next) => {
        if (!live) return;
        setDetail(next);
        setError(null);
      },
      (reason: unknown) => {
        if (live) setError(errorMessage(reason));
      },
    );
    return () => {
      live = false;
    };
  }, [api, runId, index, status, attempts]);

  return (
    <section className="fl-detail" aria-label={`Step ${String(index + 1)} details`} data-testid="step-detail">
      <header className="fl-detail-head">
        <h3>
          Step {index + 1}: {step.name}
        </h3>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </header>
      <ErrorNote error={error} />
      {detail === null && !error && <p className="hint">Loading…</p>}
      {detail?.kind === 'none' && <p className="empty">Nothing was sent or received in this step.</p>}
      {detail?.kind === 'callback' && <CallbackEntryView entry={detail.entry} maxBodyBytes={null} />}
      {detail?.kind === 'request' && (
        <>
          <SentRequest request={detail.request} />
          <div className="wb-results">
            <ResponseViewer
              result={{ sendId: `${runId}:${String(index)}`, environment: run.environment, outcome: detail.outcome, traces: detail.traces, retried: false }}
              running={false}
              progress={null}
              onCancel={noop}
            />
            <section className="wb-debugger" aria-label="Signing trace">
              <h3>Signing trace</h3>
              <p className="hint">Secrets are shown as placeholders.</p>
              <TraceList traces={detail.traces} />
            </section>
          </div>
        </>
      )}
    </section>
  );
}

function SentRequest({ request }: { request: SignedPreview }) {
  return (
    <section className="fl-sent" aria-label="Request as sent">
      <h4>Request as sent</h4>
      <p>
        <code className="fl-sent-line">
          {request.method} {request.url}
        </code>
      </p>
      <details>
        <summary>Headers ({request.headers.length})</summary>
        <table className="table wb-headers">
          <tbody>
            {request.headers.map((header, index) => (
              <tr key={index}>
                <th scope="row">{header.name}</th>
                <td>
                  <code>{header.value}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
      {request.body !== '' && <pre className="fl-plain">{request.body}</pre>}
    </section>
  );
}
