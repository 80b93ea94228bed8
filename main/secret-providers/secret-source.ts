import type { Redactor } from '../core/redactor.ts';
import type { SecretSource } from '../signing/index.ts';
import type { HostRules } from '../vault/hosts/host-guard.ts';
import type { SecretChain } from './chain.ts';
import { sendSecretKey, type SendScope } from './send-scope.ts';

/**
 * The secret source signing reads `{{secret:name}}` from: the current send's
 * provider chain (the vault alone outside a send). Every value, whichever
 * provider served it, goes into the process-wide ledger before signing sees
 * it; signing adds it to the send's own redactor as it does a vault value.
 */
export function providerSecretSource(scope: SendScope, chain: SecretChain, ledger: Redactor): SecretSource {
  return {
    get: async (environment, name) => {
      const send = scope.current();
      const key = sendSecretKey(environment, name);
      const chainEnvironment = send?.environment?.name === environment ? send.environment : null;
      // One read per name per send: pass is not asked twice for what signing and the network settings both need.
      let pending = send?.pending.get(key);
      if (pending === undefined) {
        pending = chain(chainEnvironment, environment, name);
        send?.pending.set(key, pending);
        // A failed read is not kept: the next attempt (after an unlock) asks again.
        pending.catch(() => send?.pending.delete(key));
      }
      const served = await pending;
      ledger.add(served.value);
      send?.served.set(key, served.fact);
      return served.value;
    },
  };
}

/**
 * Host binding (#15) for provider secrets: a vault secret keeps the hosts
 * stored with it; a secret a provider served this send may go where a new
 * vault secret of its environment would by default (its environments'
 * base and token URL hosts, the built-in sandbox for Sandbox environments).
 */
export function providerHostRules(vault: HostRules, scope: SendScope, defaultHosts: (environment: string) => string[]): HostRules {
  return {
    hostsOf(environment, name) {
      const fact = scope.current()?.served.get(sendSecretKey(environment, name));
      if (fact !== undefined && fact.provider !== 'vault') return defaultHosts(environment);
      return vault.hostsOf(environment, name);
    },
    takeOnce: (environment, name, host) => vault.takeOnce(environment, name, host),
  };
}
