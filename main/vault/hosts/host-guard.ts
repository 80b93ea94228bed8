import { ServiceError } from '../../contract/errors.ts';
import type { RedirectHopRequest, SignedRequest } from '../../http/index.ts';
import { secretsCarried, secretsOnHop, type UsedSecret } from './carried-secrets.ts';
import { SANDBOX_HOST } from './host-names.ts';

/** What the guard asks the vault (main only). */
export type HostRules = {
  /** The hosts a secret is bound to, symbols included. */
  hostsOf(environment: string, name: string): readonly string[];
  /** Uses up a one-time permission the user gave (with the passphrase) for this secret and host. */
  takeOnce(environment: string, name: string, host: string): boolean;
};

export type HostGuard = {
  /** Throws `secret_host_refused` before anything is sent when a carried secret may not go to the request's host. */
  check(request: SignedRequest): void;
  /** For ExecuteOptions.beforeRedirect: refuses a hop that would carry a bound secret to a host it may not go to. */
  beforeRedirect(request: SignedRequest): (hop: RedirectHopRequest) => string | null;
};

/** One refusal naming every secret (of one environment) that may not go to `host`. */
export function hostRefusal(refused: readonly UsedSecret[], host: string, where: string): ServiceError {
  const environment = refused[0]?.environment ?? '';
  const names = [...new Set(refused.map((secret) => secret.name))];
  const quoted = names.map((name) => `"${name}"`).join(', ');
  const subject = names.length === 1 ? `The secret ${quoted}` : `The secrets ${quoted}`;
  return new ServiceError(
    'secret_host_refused',
    `${subject} of environment "${environment}" may not be sent to ${host}${where}: ${names.length === 1 ? 'it is' : 'they are'} not bound to that host. Nothing was sent to ${host}. ` +
      `To send ${names.length === 1 ? 'it' : 'them'} there, allow ${host} once or for good with the vault passphrase (Vault screen, or "countersign vault allow ${names[0] ?? ''} --env ${environment} --host ${host}").`,
  );
}

/**
 * Refuses to put a vault secret on the wire to a host it is not bound to: an
 * imported collection cannot send your key to its own server, nor can a
 * redirect carry it there. `sandboxHosts` are what "builtin:sandbox" means now.
 */
export function createHostGuard(rules: HostRules, used: () => readonly UsedSecret[], sandboxHosts: readonly string[]): HostGuard {
  const allowedFor = (secret: UsedSecret): string[] =>
    rules.hostsOf(secret.environment, secret.name).flatMap((host) => (host === SANDBOX_HOST ? [...sandboxHosts] : [host.toLowerCase()]));

  const refusalFor = (carried: readonly UsedSecret[], url: string, where: string): ServiceError | null => {
    let host: string;
    try {
      host = new URL(url).host.toLowerCase();
    } catch {
      return null; // the executor refuses an unparsable URL before sending anything
    }
    const refused = carried.filter((secret) => !allowedFor(secret).includes(host) && !rules.takeOnce(secret.environment, secret.name, host));
    if (refused.length === 0) return null;
    const first = refused[0]?.environment;
    return hostRefusal(refused.filter((secret) => secret.environment === first), host, where);
    return null;
  };

  return {
    check(request) {
      const refusal = refusalFor(secretsCarried(request, used()), request.url, '');
      if (refusal) throw refusal;
    },
    beforeRedirect(request) {
      return (hop) => refusalFor(secretsOnHop(request, hop, used()), hop.to, ' by a redirect')?.message ?? null;
    },
  };
}
