import { useCallback, useEffect, useRef, useState } from 'react';
import type { CompareExpected } from '../../../../main/contract/auth.ts';
import type { HttpProgress } from '../../../../main/contract/http.ts';
import type { SendResult, SignResult } from '../../../../main/contract/requests.ts';
import type { Environment } from '../../../../main/contract/workspace.ts';
import type { ErrorCode } from '../../../../main/contract/index.ts';
import { useApi } from '../../api/context.tsx';
import { ApiError, errorMessage } from '../../api/errors.ts';
import { protectedKey } from '../../state/slices/environments.ts';
import { useEvent } from '../../state/use-channel.ts';
import { useUi } from '../../state/use-ui.ts';

export type PendingConfirmation = { requestId: string; requestName: string; environment: Environment };

export type SendView = {
  /** The request the result, trace and error belong to. */
  subject: string | null;
  /** The environment that request was last sent or signed in, so the debugger can compare within it. */
  environmentId: string | null;
  running: string | null;
  progress: HttpProgress | null;
  result: SendResult | null;
  signed: SignResult | null;
  error: string | null;
  /** The failure's code, so a vault problem can offer its fix (Create, Unlock, Add, Restore). */
  errorCode: ErrorCode | null;
  confirmation: PendingConfirmation | null;
  /** Sends, or first asks when the environment is protected and this request was not confirmed this session. */
  send: (requestId: string, requestName: string, environment: Environment) => void;
  confirm: (rememberForSession: boolean) => void;
  dismissConfirmation: () => void;
  cancel: () => void;
  sign: (requestId: string, environmentId: string, compare?: CompareExpected) => Promise<void>;
};

/** Sending one request at a time per workbench, with cancel, progress and the production guard. */
export function useSend(beforeSend: (requestId: string) => Promise<void>): SendView {
  const api = useApi();
  const [subject, setSubject] = useState<string | null>(null);
  const [environmentId, setEnvironmentId] = useState<string | null>(null);
  const [running, setRunning] = useState<string | null>(null);
  const [progress, setProgress] = useState<HttpProgress | null>(null);
  const [result, setResult] = useState<SendResult | null>(null);
  const [signed, setSigned] = useState<SignResult | null>(null);
  const [error, setErrorText] = useState<string | null>(null);
  const [errorCode, setErrorCode] = useState<ErrorCode | null>(null);
  const setError = useCallback((reason: unknown) => {
    setErrorText(reason === null ? null : errorMessage(reason));
    setErrorCode(reason instanceof ApiError ? reason.code : null);
  }, []);
  const [confirmation, setConfirmation] = useState<PendingConfirmation | null>(null);
  const runningRef = useRef<string | null>(null);
  // The shown response's temporary file, if it has one: let go when the response is replaced or the workbench closes, so resends pile nothing up.
  const spilledRef = useRef<string | null>(null);
  const letGoOfSpill = useCallback(() => {
    const path = spilledRef.current;
    spilledRef.current = null;
    // A file already saved with "Save as…" is no longer a spill: main ignores it.
    if (path !== null) api.invoke['files:discard']({ path }).catch(() => undefined);
  }, [api]);
  const showResult = useCallback(
    (next: SendResult | null) => {
      letGoOfSpill();
      if (next?.spilled === true && next.outcome.ok && next.outcome.response.saved) spilledRef.current = next.outcome.response.saved.path;
      setResult(next);
    },
    [letGoOfSpill],
  );
  useEffect(() => letGoOfSpill, [letGoOfSpill]);

  useEvent('requests:progress', (event) => {
    if (event.requestId === runningRef.current) setProgress(event);
  });
  // Requests the user agreed to send to a protected environment, until the app is closed (the UI store; never persisted).
  const confirmedProtected = useUi((state) => state.confirmedProtected);
  const confirmProtected = useUi((state) => state.confirmProtected);

  const go = useCallback(
    (requestId: string, environment: Environment, confirmed: boolean) => {
      if (runningRef.current) return;
      const sendId = crypto.randomUUID();
      runningRef.current = sendId;
      setRunning(sendId);
      setProgress(null);
      setError(null);
      setSubject(requestId);
      setEnvironmentId(environment.id);
      showResult(null);
      setSigned(null);
      const finish = () => {
        runningRef.current = null;
        setRunning(null);
      };
      beforeSend(requestId)
        .then(() =>
          api.invoke['requests:send']({ requestId, environmentId: environment.id, sendId, ...(confirmed ? { confirmProtected: true as const } : {}) }),
        )
        .then(
          (next) => {
            showResult(next);
            setSigned(null);
            finish();
          },
          (reason: unknown) => {
            setError(reason);
            finish();
          },
        );
    },
    [api, beforeSend, setError, showResult],
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
    const sendId = runningRef.current;
    if (sendId) api.invoke['requests:cancel']({ sendId }).catch((reason: unknown) => setError(reason));
  };

  const sign = useCallback(
    async (requestId: string, environmentId: string, compare?: CompareExpected) => {
      setError(null);
      if (subject !== requestId) showResult(null);
      setSubject(requestId);
      setEnvironmentId(environmentId);
      try {
        await beforeSend(requestId);
        setSigned(await api.invoke['requests:sign']({ requestId, environmentId, ...(compare ? { compare } : {}) }));
      } catch (reason) {
        setError(reason);
      }
    },
    [api, beforeSend, subject, setError, showResult],
  );

  return { subject, environmentId, running, progress, result, signed, error, errorCode, confirmation, send, confirm, dismissConfirmation: () => setConfirmation(null), cancel, sign };
}
