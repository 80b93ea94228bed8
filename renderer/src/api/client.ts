import type { ChannelInput, ChannelName, ChannelOutput, CountersignApi, EventName, EventPayload, PreloadBridge } from '../../../main/contract/index.ts';
import { unwrap } from './envelope.ts';
import { createHttpBridge, takeLaunchToken } from './http-bridge.ts';

declare global {
  interface Window {
    countersign?: PreloadBridge;
  }
}

export type Transport = 'electron' | 'browser';

export type ApiClient = CountersignApi & { readonly transport: Transport };

/**
 * The renderer's one way to reach main. In Electron the preload's object is
 * there; in browser mode the host bridge takes its place. Either way calls
 * come back as envelopes and are unwrapped here.
 */
export function connect(): ApiClient {
  let bridge: PreloadBridge;
  let transport: Transport;
  if (window.countersign) {
    bridge = window.countersign;
    transport = 'electron';
  } else {
    const token = takeLaunchToken();
    if (!token) throw new Error('This page was opened without its launch token. Open the address Countersign printed when it started.');
    bridge = createHttpBridge(token);
    transport = 'browser';
  }
  const invoke = new Proxy({} as CountersignApi['invoke'], {
    get: (_target, name) => {
      if (typeof name !== 'string') return undefined;
      const send = bridge.invoke[name as ChannelName];
      return async (input: unknown) => unwrap(await send(input));
    },
  });
  const on = <K extends EventName>(name: K, listener: (payload: EventPayload<K>) => void) =>
    bridge.on(name, (payload) => listener(payload as EventPayload<K>));
  return Object.freeze({ invoke, on, transport });
}

/** Shorthand for a typed call. */
export function call<K extends ChannelName>(api: CountersignApi, name: K, input: ChannelInput<K>): Promise<ChannelOutput<K>> {
  return api.invoke[name](input);
}
