/** The prefix of every variable the env provider reads. */
export const ENV_SECRET_PREFIX = 'COUNTERSIGN_SECRET_';

/** One part of a variable name: upper-cased, every character other than A-Z and 0-9 written as "_". */
export function variablePart(text: string): string {
  return text.toUpperCase().replace(/[^A-Z0-9]/g, '_');
}

/**
 * The variable that holds secret `name` of `environment` for CI:
 * COUNTERSIGN_SECRET_<ENV>_<NAME>, e.g. UAT + paynet.client_secret ->
 * COUNTERSIGN_SECRET_UAT_PAYNET_CLIENT_SECRET. The rule is not one-to-one
 * (paynet.key and paynet_key share a variable): the env provider refuses a
 * variable that two names of one environment would share (see env-provider.ts).
 */
export function secretVariableName(environment: string, name: string): string {
  return `${ENV_SECRET_PREFIX}${variablePart(environment)}_${variablePart(name)}`;
}

/** How the rule reads for an environment, for help texts and the Vault page. */
export function variablePattern(environment: string): string {
  return `${ENV_SECRET_PREFIX}${variablePart(environment)}_<NAME>`;
}
