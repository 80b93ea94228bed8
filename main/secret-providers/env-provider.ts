import { ServiceError } from '../contract/errors.ts';
import { secretVariableName } from './env-names.ts';

export type ProcessEnvironment = Readonly<Record<string, string | undefined>>;

/** What the env provider knows besides the process environment: the other names that could map to the same variable. */
export type EnvScope = {
  environment: string;
  /** The secret names this environment uses (its declared secrets). */
  names: readonly string[];
  /** Other environment names whose variables are read too (environments with the env provider on). */
  environments: readonly string[];
};

export type EnvFound = { value: string; variable: string };

/**
 * Reads secret `name` from COUNTERSIGN_SECRET_<ENV>_<NAME>. An unset or empty
 * variable is "not here" (CI systems set a missing secret as empty). A
 * variable two different secrets would share is refused rather than guessed:
 * the value could be meant for either.
 */
export function readEnvSecret(env: ProcessEnvironment, scope: EnvScope, name: string): EnvFound | null {
  const variable = secretVariableName(scope.environment, name);
  const value = env[variable];
  if (value === undefined || value === '') return null;
  const clash = sharers(scope, name, variable);
  if (clash.length > 0) {
    throw new ServiceError(
      'secret_provider_failed',
      `${variable} is ambiguous: it is the variable of secret "${name}" of environment "${scope.environment}" and of ${clash.join(' and ')}, so it was not used. ` +
        'Rename one of the secrets (or environments) so their variable names differ, or keep one of them in the vault.',
    );
  }
  return { value, variable };
}

function sharers(scope: EnvScope, name: string, variable: string): string[] {
  const out: string[] = [];
  for (const other of new Set(scope.names)) {
    if (other !== name && secretVariableName(scope.environment, other) === variable) out.push(`secret "${other}"`);
  }
  for (const environment of new Set(scope.environments)) {
    if (environment !== scope.environment && secretVariableName(environment, name) === variable) out.push(`secret "${name}" of environment "${environment}"`);
  }
  return out;
}
