import type { Environment } from '../contract/workspace.ts';
import type { Backend } from '../services/backend.ts';
import { EXIT } from './exit-codes.ts';
import { CliError } from './io.ts';
import { service } from './service-errors.ts';

/** The collection's environment with this exact name, or a usage error naming the ones there are. */
export async function findEnvironment(backend: Backend, collectionId: string, name: string): Promise<Environment> {
  const environments = await service(() => backend.dispatcher.call('workspace:environments', { collectionId }));
  const found = environments.find((environment) => environment.name === name);
  if (found) return found;
  const names = environments.map((environment) => `"${environment.name}"`).join(', ');
  throw new CliError(`No environment "${name}" in this collection. It has: ${names || 'none'}.`, EXIT.usage);
}

/** A protected environment is never sent to without the explicit flag. */
export function requireProductionConsent(environment: Environment, yesProduction: boolean): void {
  if (environment.protected && !yesProduction) {
    throw new CliError(`"${environment.name}" is a protected environment: add --yes-production to send to it.`, EXIT.protectedEnvironment);
  }
}

/** --var name=value pairs, in a map without a prototype (a variable may be called "constructor"). */
export function parseVariableOverrides(pairs: readonly string[] | undefined): Record<string, string> {
  const out = Object.create(null) as Record<string, string>;
  for (const pair of pairs ?? []) {
    const at = pair.indexOf('=');
    if (at <= 0) throw new CliError(`--var needs name=value, not "${pair}".`, EXIT.usage);
    out[pair.slice(0, at)] = pair.slice(at + 1);
  }
  return out;
}
