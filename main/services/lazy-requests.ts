import type { NetworkOverride } from '../requests/network-options.ts';
import type { RequestService, RequestServiceOptions } from '../requests/request-service.ts';

/**
 * The request service, loaded on its first send, sign or curl: it pulls in undici and the executor,
 * which a command that sends nothing (`countersign list`) should not pay for at start-up.
 */
export function lazyRequestService(options: RequestServiceOptions): RequestService {
  let real: RequestService | undefined;
  let loading: Promise<RequestService> | undefined;
  let override: NetworkOverride | undefined;
  const load = () =>
    (loading ??= import('../requests/request-service.ts').then((module) => {
      real = module.createRequestService(options);
      if (override) real.setNetworkOverride(override);
      return real;
    }));
  return {
    send: async (input) => (await load()).send(input),
    sign: async (input) => (await load()).sign(input),
    curl: async (input) => (await load()).curl(input),
    explain: async (input) => (await load()).explain(input),
    variants: async (input) => (await load()).variants(input),
    // Before the first send there is nothing to cancel, forget or close.
    cancel: (sendId) => real?.cancel(sendId) ?? { cancelled: false },
    setNetworkOverride: (next) => {
      override = next;
      real?.setNetworkOverride(next);
    },
    forgetCredentials: () => real?.forgetCredentials(),
    close: () => real?.close(),
  };
}
