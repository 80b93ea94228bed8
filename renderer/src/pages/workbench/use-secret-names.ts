import { useChannel } from '../../state/use-channel.ts';

/**
 * Vault entry names (never values) in the named vault environment, or in
 * any environment when none is named (collection and folder auth). A locked
 * or absent vault gives none; `locked` says so, for the editor to explain.
 */
export function useSecretNames(environmentName: string | undefined): { names: string[]; locked: boolean } {
  const list = useChannel('vault:list', {}, { invalidateOn: ['vault:changed'] });
  // The last answer failed (locked, absent): the names it had before are no longer offered.
  const locked = list.status === 'error';
  const secrets = locked ? [] : (list.data?.secrets ?? []);
  const names = secrets.filter((secret) => environmentName === undefined || secret.environment === environmentName).map((secret) => secret.name);
  return { names: [...new Set(names)], locked };
}
