import type { EnvironmentReferences } from '../../../../main/contract/referenced-secrets.ts';
import { errorMessage } from '../../api/errors.ts';
import { useChannel } from '../../state/use-channel.ts';

/**
 * Every environment's referenced secret names and whether something serves
 * each, reloaded when the workspace or the vault changes. A slower, older
 * answer never replaces a newer one (the query cache cancels it).
 */
export function useReferencedSecrets(): { environments: EnvironmentReferences[]; error: string | null } {
  const referenced = useChannel('vault:referenced', {}, { invalidateOn: ['workspace:changed', 'vault:changed'] });
  return { environments: referenced.data?.environments ?? [], error: referenced.error ? errorMessage(referenced.error) : null };
}
