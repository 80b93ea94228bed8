import { useCallback, useState } from 'react';
import type { CompareExpected } from '../../../../main/contract/auth.ts';
import type { SendResult } from '../../../../main/contract/requests.ts';
import type { Environment } from '../../../../main/contract/workspace.ts';
import { useApi } from '../../api/context.tsx';
import { ApiError, errorMessage } from '../../api/errors.ts';
import { protectedKey } from '../../state/slices/environments.ts';
import type { LastSend } from '../../state/slices/last-send.ts';
import { useEvent } from '../../state/use-channel.ts';
import { useUiStoreApi } from '../../state/provider.tsx';
import { useUi, useUiShallow } from '../../state/use-ui.ts';

export type PendingConfirmation = { requestId: string; requestName: string; environment: Environment };

/**
 * What the workbench shows of its last send or signature (the UI store's lastSend, less the spill file it lets go of
 * itself), the protected-environment question pending, and the actions.
 */
export type SendView = Omit<LastSend, 'spilledPath'> & {
  confirmation: PendingConfirmation | null;
  /** Sends, or first asks when the environment is protected and this request was not confirmed this session. */
  send: (requestId: string, requestName: string, environment: Environment) => void;
  confirm: (rememberForSession: boolean) => void;
  dismissConfirmation: () => void;
  cancel: () => void;
  sign: (requestId: string, environmentId: string, compare?: CompareExpected) => Promise<void>;
};

/**
 * Sending one request at a time per workbench, with cancel, progress and the production guard.
 * What was sent and its answer live in the UI store (lastSend), so they outlast a visit to another page.
 */
export function useSend(beforeSend: (requestId: string) => Promise<void>): SendView {
  const api = useApi();
  const storeApi = useUiStoreApi();
  const view = useUiShallow((state) => state.lastSend);
  const update = useUi((state) => state.updateLastSend);
  const setError = useCallback(
    (reason: unknown) => update({ error: reason === null ? null : errorMessage(reason), errorCode: reason instanceof ApiError ? reason.code : null }),
    [update],
  );
  const [confirmation, setConfirmation] = useState<PendingConfirmation | null>(null);
  const runningNow = useCallback(() => storeApi.getState().lastSend.running, [storeApi]);
  // A response's temporary file is let go when another response replaces it, so resends pile nothing up.
  // (Leaving the page keeps it: the response is still shown on return; main removes spills of ended processes.)
  const showResult = useCallback(
    (next: SendResult | null) => {
      const previous = storeApi.getState().lastSend.spilledPath;
      // A file already saved with "Save as…" is no longer a spill: main ignores it.
      if (previous !== null) api.invoke['files:discard']({ path: previous }).catch(() => undefined);
      const spilledPath = next?.spilled === true && next.outcome.ok && next.outcome.response.saved ? next.outcome.response.saved.path : null;
      update({ result: next, spilledPath });
    },
    [api, storeApi, update],
  );

  useEvent('requests:progress', (event) => {
    if (event.requestId === runningNow()) update({ progress: event });
  });
  // Requests the user agreed to send to a protected environment, until the app is closed (the UI store; never persisted).
  const confirmedProtected = useUi((state) => state.confirmedProtected);
  const confirmProtected = useUi((state) => state.confirmProtected);

  const go = useCallback(
    (requestId: string, environment: Environment, confirmed: boolean) => {
      if (runningNow()) return;
      const sendId = crypto.randomUUID();
      update({ running: sendId, progress: null, error: null, errorCode: null, subject: requestId, environmentId: environment.id, signed: null });
      showResult(null);
      const finish = () => update({ running: null });
      beforeSend(requestId)
        .then(() =>
          api.invoke['requests:send']({ requestId, environmentId: environment.id, sendId, ...(confirmed ? { confirmProtected: true as const } : {}) }),
        )
        .then(
          (next) => {
            showResult(next);
            update({ signed: null });
            finish();
          },
          (reason: unknown) => {
            setError(reason);
            finish();
          },
        );
    },
    [api, beforeSend, setError, showResult, update, runningNow],
  );

  const send = useCallback(
    (requestId: string, requestName: string, environment: Environment) => {
      if (environment.protected && !confirmedProtected[protectedKey(requestId, environment.id)]) {
        setConfirmation({ requestId, requestName, environment });
        return;
      }
      go(requestId, environment, environment.protected);
    },
    [go, confirmedProtected],
  );

  const confirm = (rememberForSession: boolean) => {
    if (!confirmation) return;
    setConfirmation(null);
    if (rememberForSession) confirmProtected(confirmation.requestId, confirmation.environment.id);
    go(confirmation.requestId, confirmation.environment, true);
  };

  const cancel = () => {
    const sendId = runningNow();
    if (sendId) api.invoke['requests:cancel']({ sendId }).catch((reason: unknown) => setError(reason));
  };

  const sign = useCallback(
    async (requestId: string, environmentId: string, compare?: CompareExpected) => {
      setError(null);
      if (storeApi.getState().lastSend.subject !== requestId) showResult(null);
      update({ subject: requestId, environmentId });
      try {
        await beforeSend(requestId);
        update({ signed: await api.invoke['requests:sign']({ requestId, environmentId, ...(compare ? { compare } : {}) }) });
      } catch (reason) {
        setError(reason);
      }
    },
    [api, beforeSend, setError, showResult, storeApi, update],
  );

  const { subject, environmentId, running, progress, result, signed, error, errorCode } = view;
  return { subject, environmentId, running, progress, result, signed, error, errorCode, confirmation, send, confirm, dismissConfirmation: () => setConfirmation(null), cancel, sign };
}
