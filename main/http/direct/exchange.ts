import type { SecureContext } from 'node:tls';
import type { TimingRecorder } from '../timing.ts';
import type { Timeouts } from '../options.ts';
import { closedEarly, protocolError, timeoutError } from './errors.ts';
import { bodyFraming } from './framing.ts';
import type { Framing } from './framing.ts';
import { getRequestHead } from './request-head.ts';
import { parseResponseHead } from './response-head.ts';
import type { ResponseHead } from './response-head.ts';
import { DirectSocket } from './socket.ts';

/** Reads land here until the body has a file to go to. */
const SCRATCH_BYTES = 64 * 1024;

export interface DirectRequest {
  url: URL;
  headers: ReadonlyArray<readonly [string, string]>;
  timeouts: Timeouts;
  timing: TimingRecorder;
  signal?: AbortSignal | undefined;
  /** For an https URL: the pool's TLS context and whether to verify the server. */
  tls?: { secureContext: SecureContext; verify: boolean } | undefined;
}

/** A response whose head has been read; the socket is paused until the body is wanted. */
export interface DirectResponse {
  head: ResponseHead;
  framing: Framing;
  socket: DirectSocket;
  /** Body bytes that came in with the head. */
  leftover: Buffer;
  /** Memory for reads when no ring slot is free. */
  scratch: Buffer;
}

/**
 * Sends a body-less GET on a fresh connection and reads the response head.
 * Interim 1xx responses are skipped (101 is refused: nothing was asked to
 * switch protocols). Rejects with errors error-map.ts maps like undici's.
 */
export function sendDirectGet(request: DirectRequest): Promise<DirectResponse> {
  if (request.signal?.aborted) return Promise.reject(Object.assign(new Error('aborted'), { name: 'AbortError' }));
  const requestHead = getRequestHead(request.url, request.headers);
  const scratch = Buffer.allocUnsafe(SCRATCH_BYTES);
  const socket = new DirectSocket(
    { url: request.url, connectTimeoutMs: request.timeouts.connectMs, timing: request.timing, signal: request.signal, tls: request.url.protocol === 'https:' ? request.tls : undefined },
    scratch,
  );
  return new Promise<DirectResponse>((resolve, reject) => {
    let received = Buffer.alloc(0);
    const take = (): DirectResponse | null => {
      for (;;) {
        const head = parseResponseHead(received);
        if (!head) return null;
        received = received.subarray(head.headBytes);
        if (head.status === 101) throw protocolError('unexpected 101 Switching Protocols');
        if (head.status >= 200) return { head, framing: bodyFraming(head.status, head.headers), socket, leftover: received, scratch };
      }
    };
    socket.setHandler(
      {
        buffer: () => scratch,
        onRead: (nread) => {
          // Concat copies: the scratch buffer is reused by the next read.
          received = Buffer.concat([received, scratch.subarray(0, nread)]);
          const response = take();
          if (!response) return true;
          socket.stopTimer();
          request.timing.headersReceived();
          socket.pause();
          resolve(response);
          return false;
        },
        onEnd: () => {
          socket.fail(closedEarly());
        },
      },
      reject,
    );
    void socket.connected().then(() => {
      socket.write(requestHead);
      socket.startTimer(request.timeouts.headersMs, timeoutError.headers);
    });
  });
}
