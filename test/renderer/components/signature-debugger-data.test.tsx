import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { DiagnosisReport } from '../../../main/contract/diagnosis.ts';
import type { SendResult } from '../../../main/contract/requests.ts';
import { ApiError } from '../../../renderer/src/api/errors.ts';
import { SignatureDebugger } from '../../../renderer/src/pages/workbench/SignatureDebugger.tsx';
import type { SendView } from '../../../renderer/src/pages/workbench/use-send.ts';
import { deferred, fakeApi, renderWithState, settle } from '../state/fake-api.tsx';

/** What the workbench hands the debugger after a send recorded in History as `historyId`. */
function sent(historyId: string): SendView {
  const result = { sendId: `send-${historyId}`, historyId, traces: [], secretSources: [], exchanges: [], spilled: false, outcome: { ok: false } } as unknown as SendResult;
  return {
    subject: 'req-1',
    environmentId: 'env-uat',
    running: null,
    progress: null,
    result,
    signed: null,
    error: null,
    errorCode: null,
    confirmation: null,
    send: () => undefined,
    confirm: () => undefined,
    dismissConfirmation: () => undefined,
    cancel: () => undefined,
    sign: () => Promise.resolve(),
  };
}

const result = () => screen.getByTestId('diagnosis-result');

describe('SignatureDebugger with main behind it', () => {
  it("asks main to compare the send recorded in History and shows main's refusal", async () => {
    const user = userEvent.setup();
    const api = fakeApi({
      'diagnosis:explain': () => {
        throw new ApiError({ code: 'not_found', message: 'That History entry is no longer kept.' });
      },
    });
    renderWithState(<SignatureDebugger send={sent('h1')} canSign onSign={() => undefined} />, api);
    await user.click(screen.getByText('Compare with what the gateway expected'));
    await user.click(screen.getByRole('button', { name: 'Compare' }));
    expect(await screen.findByText('That History entry is no longer kept.')).toBeTruthy();
    expect(api.calls.find((call) => call.channel === 'diagnosis:explain')?.input).toMatchObject({ source: { historyId: 'h1' } });
  });

  it('never shows the answer about the previous send once a new send replaced it', async () => {
    const user = userEvent.setup();
    const late = deferred<DiagnosisReport>();
    const api = fakeApi({ 'diagnosis:explain': () => late.promise });
    const view = renderWithState(<SignatureDebugger send={sent('h1')} canSign onSign={() => undefined} />, api);
    await user.click(screen.getByText('Compare with what the gateway expected'));
    await user.click(screen.getByRole('button', { name: 'Compare' }));
    await waitFor(() => expect(result().textContent).toBe('Comparing…'));
    act(() => view.rerender(<SignatureDebugger send={sent('h2')} canSign onSign={() => undefined} />));
    await waitFor(() => expect(result().textContent).toBe(''));
    await settle(() => late.resolve({ verdict: 'match' } as unknown as DiagnosisReport));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(result().textContent).toBe('');
    expect(screen.getByRole('button', { name: 'Compare' })).toHaveProperty('disabled', false);
  });
});
