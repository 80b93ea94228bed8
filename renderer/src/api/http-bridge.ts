import type { EventsPath, InvokePathPrefix, TokenFragmentKey, TokenHeaderName } from '../../../main/contract/http-bridge.ts';
import type { EventName, PreloadBridge } from '../../../main/contract/index.ts';

const TOKEN_HEADER: TokenHeaderName = 'x-countersign-token';
const INVOKE_PREFIX: InvokePathPrefix = '/api/invoke/';
const EVENTS_PATH: EventsPath = '/api/events';
const FRAGMENT_KEY: TokenFragmentKey = 'token';
const SESSION_KEY = 'countersign.token';

/**
 * Takes the launch token from the URL fragment, keeps it for this tab (so a
 * reload still works) and removes it from the address bar.
 */
export function takeLaunchToken(): string | null {
  const fragment = new URLSearchParams(window.location.hash.slice(1));
  const fromUrl = fragment.get(FRAGMENT_KEY);
  if (fromUrl) {
    window.sessionStorage.setItem(SESSION_KEY, fromUrl);
    window.history.replaceState(null, '', window.location.pathname + window.location.search);
    return fromUrl;
  }
  return window.sessionStorage.getItem(SESSION_KEY);
}

type Listener = (payload: unknown) => void;

/** The browser-mode transport: the same shape as the preload's object, over fetch and a token-carrying event stream. */
export function createHttpBridge(token: string): PreloadBridge {
  const listeners = new Map<EventName, Set<Listener>>();
  let stream: AbortController | null = null;

  const invoke = new Proxy({} as PreloadBridge['invoke'], {
    get: (_target, name) => {
      if (typeof name !== 'string') return undefined;
      return async (input: unknown) => {
        const response = await fetch(INVOKE_PREFIX + encodeURIComponent(name), {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: token },
          body: JSON.stringify(input ?? {}),
        });
        return response.json() as Promise<unknown>;
      };
    },
  });

  const dispatch = (name: string, data: string) => {
    const set = listeners.get(name as EventName);
    if (!set) return;
    const payload: unknown = JSON.parse(data);
    for (const listener of set) listener(payload);
  };

  const connect = () => {
    const controller = new AbortController();
    stream = controller;
    void readEvents(token, controller.signal, dispatch).finally(() => {
      // Reconnect after a drop (the host restarting, a sleep) while anyone still listens.
      if (stream === controller && !controller.signal.aborted) setTimeout(connect, 1000);
    });
  };

  const on: PreloadBridge['on'] = (name, listener) => {
    let set = listeners.get(name);
    if (!set) listeners.set(name, (set = new Set()));
    set.add(listener);
    if (!stream) connect();
    return () => {
      set.delete(listener);
    };
  };

  return Object.freeze({ invoke, on });
}

async function readEvents(token: string, signal: AbortSignal, dispatch: (name: string, data: string) => void): Promise<void> {
  try {
    const response = await fetch(EVENTS_PATH, { headers: { [TOKEN_HEADER]: token }, signal });
    if (!response.ok || !response.body) return;
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += value;
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        let event = '';
        const data: string[] = [];
        for (const line of block.split('\n')) {
          if (line.startsWith('event: ')) event = line.slice(7);
          else if (line.startsWith('data: ')) data.push(line.slice(6));
        }
        if (event && data.length > 0) dispatch(event, data.join('\n'));
      }
    }
  } catch {
    // A dropped stream is retried by the caller.
  }
}
