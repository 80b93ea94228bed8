import { useEffect, useRef } from 'react';
import type { CompareExpected, SchemeTrace } from '../../../../main/contract/auth.ts';
import type { DiagnosisSource } from '../../../../main/contract/diagnosis.ts';
import type { SendView } from './use-send.ts';
import { ComparePanel } from './debugger/ComparePanel.tsx';
import { useCompareTarget, usePickCompareTarget } from './debugger/compare-target.ts';
import { ExchangeList } from './debugger/ExchangeList.tsx';
import { FailureNote } from './debugger/FailureNote.tsx';
import { SecretSources } from './debugger/SecretSources.tsx';
import { Trace } from './debugger/Trace.tsx';

// The flow runner shows step traces with the same component.
export { Trace };

type Props = { send: SendView; onSign: (compare?: CompareExpected) => void; canSign: boolean };

/** The exchanges and signing trace of the last send or of "Sign without sending", and the diagnosis of a refused signature. */
export function SignatureDebugger({ send, onSign, canSign }: Props) {
  const picked = useCompareTarget();
  const pickCompareTarget = usePickCompareTarget();
  const historyId = send.result?.historyId ?? null;
  // A new send is what the user wants explained next: it replaces an entry picked in History (not the send already shown when this mounts).
  const seen = useRef(historyId);
  useEffect(() => {
    if (historyId !== null && historyId !== seen.current) pickCompareTarget(null);
    seen.current = historyId;
  }, [historyId, pickCompareTarget]);

  const source = compareSource(send, picked?.historyId ?? null);
  const refused = send.result?.failure?.category === 'gateway_status';
  return (
    <section className="wb-debugger" aria-label="Signature debugger">
      <header className="wb-debugger-head">
        <h3>Signature debugger</h3>
        <button type="button" disabled={!canSign} onClick={() => onSign()}>
          Sign without sending
        </button>
      </header>
      <SendTrace send={send} />
      <ComparePanel
        source={source}
        sourceText={picked ? `the send picked in History (${picked.label})` : historyId ? 'this send, as recorded in History (same timestamp, nonce and values)' : 'a fresh signature of the saved request (nothing is sent)'}
        onUseCurrent={picked ? () => pickCompareTarget(null) : undefined}
        defaultOpen={refused}
      />
    </section>
  );
}

/** Compare checks the entry picked in History, else the send in view, else a fresh signature of what was just signed. */
function compareSource(send: SendView, pickedHistoryId: string | null): DiagnosisSource | null {
  if (pickedHistoryId) return { historyId: pickedHistoryId };
  if (send.result?.historyId) return { historyId: send.result.historyId };
  if ((send.result || send.signed) && send.subject && send.environmentId) return { requestId: send.subject, environmentId: send.environmentId };
  return null;
}

/** What the last send or "Sign without sending" did: each exchange in order with its trace, or the bare traces. */
function SendTrace({ send }: { send: SendView }) {
  const { signed, result } = send;
  if (signed) {
    const exchanges = signed.exchanges ?? [];
    return (
      <>
        <p className="hint">From the Sign without sending. Secrets are shown as placeholders.</p>
        {signed.note && <p data-testid="sign-note">{signed.note}</p>}
        <SecretSources sources={signed.secretSources} />
        {signed.failure && <FailureNote failure={signed.failure} />}
        {exchanges.length > 0 && <ExchangeList exchanges={exchanges} showTraces={signed.failure != null} label="Token requests sent to sign" />}
        {!signed.failure && <Traces traces={signed.traces} />}
      </>
    );
  }
  if (result) {
    const exchanges = result.exchanges ?? [];
    return (
      <>
        <p className="hint">From the last send. Secrets are shown as placeholders.</p>
        <SecretSources sources={result.secretSources} />
        {exchanges.length > 0 ? <ExchangeList exchanges={exchanges} /> : <Traces traces={result.traces} />}
      </>
    );
  }
  return <p className="empty">Send the request, or sign it without sending, to see each step of its signature.</p>;
}

function Traces({ traces }: { traces: readonly SchemeTrace[] }) {
  if (traces.length === 0) return <p className="empty">This request has no auth, so nothing was signed.</p>;
  return (
    <>
      {traces.map((trace, index) => (
        <Trace key={index} trace={trace} />
      ))}
    </>
  );
}
