import type { SchemeTrace } from '../../../../main/contract/auth.ts';
import { Trace } from '../workbench/SignatureDebugger.tsx';

/** The signing trace of a step, one block per scheme, as the workbench's signature debugger shows it. */
export function TraceList({ traces }: { traces: readonly SchemeTrace[] }) {
  if (traces.length === 0) return <p className="empty">This request has no auth, so nothing was signed.</p>;
  return (
    <>
      {traces.map((trace, index) => (
        <Trace key={index} trace={trace} />
      ))}
    </>
  );
}
