import { executeRequest } from '../../http/index.ts';
import type { SecretSource } from '../../signing/index.ts';
import type { UsedSecret } from './carried-secrets.ts';
import { createHostGuard, type HostRules } from './host-guard.ts';

/** What a send calls to put a request on the wire: the executor's own shape, so the vault needs nothing from requests/. */
type Execute = typeof executeRequest;

/** One send's view of host binding: the secret source that notes what signing read, and the guarded executor. */
export type SendHostBinding = {
  secrets: SecretSource;
  /** Checks each request (token requests included) before it is sent, and every redirect hop. */
  guard(execute?: Execute): Execute;
};

/** What the backend gives the request service: the vault's rules, and what "builtin:sandbox" is right now. */
export type HostBindingOptions = {
  rules: HostRules;
  /** The running sandbox's hosts (none when it is stopped). */
  sandboxHosts: () => string[];
};

export type HostBindingDeps = HostBindingOptions & { source: SecretSource };

/** Made per send: the request service wraps its secret source and executor with it. */
export function bindSendToHosts(deps: HostBindingDeps): SendHostBinding {
  const used: UsedSecret[] = [];
  // A one-time permission covers this whole send: its token request, the request itself and its redirects.
  const granted = new Set<string>();
  const rules: HostRules = {
    hostsOf: (environment, name) => deps.rules.hostsOf(environment, name),
    takeOnce(environment, name, host) {
      const id = `${environment}\u0000${name}\u0000${host}`;
      if (granted.has(id)) return true;
      if (!deps.rules.takeOnce(environment, name, host)) return false;
      granted.add(id);
      return true;
    },
  };
  const secrets: SecretSource = {
    get: async (environment, name) => {
      const value = await deps.source.get(environment, name);
      if (!used.some((secret) => secret.environment === environment && secret.name === name && secret.value === value)) used.push({ environment, name, value });
      return value;
    },
  };
  return {
    secrets,
    guard(execute = executeRequest) {
      return (request, options, executorDeps) => {
        const guard = createHostGuard(rules, () => used, deps.sandboxHosts());
        guard.check(request);
        const ours = guard.beforeRedirect(request);
        const theirs = options?.beforeRedirect;
        const beforeRedirect = theirs ? (hop: Parameters<typeof ours>[0]) => theirs(hop) ?? ours(hop) : ours;
        return execute(request, { ...options, beforeRedirect }, executorDeps);
      };
    },
  };
}
