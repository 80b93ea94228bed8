import type { AllowHostInput, AllowHostResult, SecretMetadata, SetHostsInput } from '../contract/vault.ts';
import { ServiceError } from '../contract/errors.ts';
import { normalizeHost, normalizeHosts } from './hosts/host-names.ts';
import type { HostRules } from './hosts/host-guard.ts';
import { findRecord, toMetadata } from './vault-secrets.ts';
import type { VaultSession } from './vault-session.ts';

export type HostsOptions = {
  defaultHosts: (environment: string) => string[];
  clock: () => Date;
};

// A one-time permission is for the next send, not for later: it lapses after this long unused.
const ONCE_TTL_MS = 10 * 60_000;

/** Where each secret may be sent, and the passphrase-confirmed ways to widen that. */
export function createVaultHosts(core: VaultSession, options: HostsOptions) {
  const once = new Map<string, number>();
  const key = (environment: string, name: string, host: string) => `${environment}\u0000${name}\u0000${host.toLowerCase()}`;

  const requireRecord = (environment: string, name: string) => {
    const record = findRecord(core.requireSession().document, environment, name);
    if (!record) throw new ServiceError('not_found', `There is no secret named "${name}" in ${environment}.`);
    return record;
  };

  const rules: HostRules = {
    hostsOf(environment, name) {
      const record = core.current()?.document.secrets.find((r) => r.environment === environment && r.name === name);
      if (!record) return [];
      return record.hosts ?? options.defaultHosts(environment);
    },
    takeOnce(environment, name, host) {
      const id = key(environment, name, host);
      const expires = once.get(id);
      if (expires === undefined) return false;
      once.delete(id);
      return expires > options.clock().getTime();
    },
  };

  const setHosts = (input: SetHostsInput): Promise<SecretMetadata> =>
    core.exclusive(async () => {
      const hosts = normalizeHosts(input.hosts);
      await core.verifyPassphrase(input.passphrase, 'the hosts were not changed');
      let stored: SecretMetadata | null = null;
      await core.change('secrets', (latest) => {
        const existing = findRecord(latest, input.environment, input.name);
        if (!existing) throw new ServiceError('not_found', `There is no secret named "${input.name}" in ${input.environment}.`);
        const next = { ...existing, hosts };
        stored = toMetadata(next);
        return { ...latest, secrets: latest.secrets.map((r) => (r === existing ? next : r)) };
      });
      if (!stored) throw new ServiceError('internal', 'The vault change produced no record.');
      return stored;
    });

  const allowHost = (input: AllowHostInput): Promise<AllowHostResult> =>
    core.exclusive(async () => {
      const host = normalizeHost(input.host);
      const names = [...new Set(input.names)];
      for (const name of names) requireRecord(input.environment, name);
      await core.verifyPassphrase(input.passphrase, `${host} was not allowed`);
      if (input.scope === 'once') {
        for (const name of names) once.set(key(input.environment, name, host), options.clock().getTime() + ONCE_TTL_MS);
        return { host, scope: 'once' as const };
      }
      await core.change('secrets', (latest) => {
        let changed = false;
        const secrets = latest.secrets.map((record) => {
          if (record.environment !== input.environment || !names.includes(record.name)) return record;
          const current = record.hosts ?? options.defaultHosts(input.environment);
          if (current.includes(host)) return record;
          changed = true;
          return { ...record, hosts: [...current, host] };
        });
        return changed ? { ...latest, secrets } : null;
      });
      return { host, scope: 'always' as const };
    });

  return {
    rules,
    setHosts,
    allowHost,
    defaultHosts: (environment: string) => ({ hosts: options.defaultHosts(environment) }),
  };
}
