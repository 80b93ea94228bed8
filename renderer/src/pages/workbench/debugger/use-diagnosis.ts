import { useMutation } from '@tanstack/react-query';
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

type Question = { kind: 'explain' | 'variants'; input: DiagnosisInput };

/**
 * Compare and Try the variants: their own state, so a diagnosis never
 * replaces the trace of the send it explains. Only the latest question's
 * answer is shown, however the answers arrive (the mutation follows its
 * latest call only).
 */
export function useDiagnosis(): DiagnosisView {
  const api = useApi();
  const question = useMutation<DiagnosisResult, Error, Question>({
    mutationFn: async ({ kind, input }) =>
      kind === 'explain' ? { kind: 'explain', report: await api.invoke['diagnosis:explain'](input) } : { kind: 'variants', report: await api.invoke['diagnosis:variants'](input) },
  });
  const { mutate, reset } = question;
  return {
    busy: question.isPending ? question.variables.kind : null,
    result: question.data ?? null,
    error: question.error ? errorMessage(question.error) : null,
    explain: (input) => mutate({ kind: 'explain', input }),
    tryVariants: (input) => mutate({ kind: 'variants', input }),
    reset,
  };
}
