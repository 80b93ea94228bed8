import { ServiceError } from '../contract/errors.ts';
import type { SecretSourceFact } from '../contract/secret-providers.ts';

/**
 * A host refusal names the vault's remedy (allow the host with the
 * passphrase), which needs a vault entry. For a secret a provider served,
 * say where it came from and what does work instead.
 */
export function withProviderHint(error: unknown, served: Iterable<SecretSourceFact>): unknown {
  if (!(error instanceof ServiceError) || error.code !== 'secret_host_refused') return error;
  const fromProviders = [...served].filter((fact) => fact.provider !== 'vault' && error.message.includes(`"${fact.name}"`));
  if (fromProviders.length === 0) return error;
  const origins = fromProviders.map((fact) => `"${fact.name}" came from ${fact.provider}${fact.location === null ? '' : ` (${fact.location})`}`).join(', ');
  const head = error.message.replace(/ To send (it|them) there,[\s\S]*$/, '');
  return new ServiceError(
    'secret_host_refused',
    `${head} ${origins}: a provider's secret may go only to the hosts of its environment's base and token URLs. ` +
      'Point those variables at this host, or keep the secret in the vault with the hosts it needs ("countersign vault set NAME --env ENV --host HOST").',
    error.issues,
  );
}
