import { useCallback, useRef, useState } from 'react';
import type { DiagnosisInput, DiagnosisReport, VariantsReport } from '../../../../../main/contract/diagnosis.ts';
import { useApi } from '../../../api/context.tsx';
import { errorMessage } from '../../../api/errors.ts';

export type DiagnosisResult = { kind: 'explain'; report: DiagnosisReport } | { kind: 'variants'; report: VariantsReport };

export type DiagnosisView = {
  busy: 'explain' | 'variants' | null;
  result: DiagnosisResult | null;
  error: string | null;
  explain: (input: DiagnosisInput) => void;
  tryVariants: (input: DiagnosisInput) => void;
  reset: () => void;
};

/** Compare and Try the variants: their own state, so a diagnosis never replaces the trace of the send it explains. */
export function useDiagnosis(): DiagnosisView {
  const api = useApi();
  const [busy, setBusy] = useState<DiagnosisView['busy']>(null);
  const [result, setResult] = useState<DiagnosisResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Only the latest question's answer is shown, however the answers arrive.
  const latest = useRef(0);

  const run = useCallback(
    (kind: 'explain' | 'variants', input: DiagnosisInput) => {
      const ticket = ++latest.current;
      setBusy(kind);
      setError(null);
      setResult(null);
      const call = kind === 'explain' ? api.invoke['diagnosis:explain'](input).then((report): DiagnosisResult => ({ kind, report })) : api.invoke['diagnosis:variants'](input).then((report): DiagnosisResult => ({ kind: 'variants', report }));
      call.then(
        (next) => {
          if (ticket !== latest.current) return;
          setResult(next);
          setBusy(null);
        },
        (reason: unknown) => {
          if (ticket !== latest.current) return;
          setError(errorMessage(reason));
          setBusy(null);
        },
      );
    },
    [api],
  );

  const reset = useCallback(() => {
    latest.current++;
    setBusy(null);
    setResult(null);
    setError(null);
  }, []);

  return { busy, result, error, explain: (input) => run('explain', input), tryVariants: (input) => run('variants', input), reset };
}
