import type { VariableFact } from '../contract/variables.ts';
import type { Redactor } from '../core/redactor.ts';
import { DYNAMIC_VARIABLES, type DynamicVariable } from '../contract/auth.ts';
import { servingProvider, type SecretLookupDeps } from '../secret-providers/serving-provider.ts';
import { collectionOf } from '../workspace/document.ts';
import { requireEnvironment } from '../workspace/environments.ts';

export type VariableFactsDeps = SecretLookupDeps & {
  /** The process-wide ledger: a variable holding a value the vault once handed out is shown redacted. */
  ledger: Redactor;
};

const DYNAMIC_DESCRIPTIONS: Record<DynamicVariable, string> = {
  $uuid: 'a new random UUID (v4) at each send',
  $timestamp: 'the send time in Unix seconds',
  $isoTimestamp: 'the send time as an ISO 8601 date',
  $nonce: 'a new random nonce at each send',
  $randomInt: 'a new random integer at each send',
};
const DYNAMIC: ReadonlySet<string> = new Set(DYNAMIC_VARIABLES);
// The loopback origins main/workspace/sandbox-port.ts rewrites when the sandbox starts.
const LOOPBACK_ORIGIN = /\bhttp:\/\/(127\.0\.0\.1|localhost|\[::1\]):\d{1,5}(?=\/|$)/;
const SANDBOX_NOTE = "the built-in sandbox's address: its port is set each time the sandbox starts (at the first send)";

/**
 * What each template name of a request would resolve to in one of its
 * collection's environments, as the signer resolves it (main/signing/variables.ts):
 * `secret:` names through the vault and then the environment's providers,
 * `$` names made at send time, anything else from the environment's enabled
 * variables. Secrets are looked up by name only: nothing is decrypted.
 */
export async function variableFacts(deps: VariableFactsDeps, input: { requestId: string; environmentId: string; names: readonly string[] }): Promise<{ variables: VariableFact[] }> {
  const doc = deps.document();
  const environment = requireEnvironment(doc, collectionOf(doc, input.requestId).id, input.environmentId);
  let vaultNames: string[] | null | undefined;
  const variables: VariableFact[] = [];
  for (const raw of new Set(input.names)) {
    const name = raw.trim();
    if (name.startsWith('secret:')) {
      vaultNames ??= await deps.vaultNames(environment.name);
      const secret = name.slice('secret:'.length).trim();
      variables.push({ name, source: 'secret', environment: environment.name, secret, ...servingProvider(environment, secret, vaultNames, deps.env()) });
    } else if (name.startsWith('$')) {
      variables.push(
        DYNAMIC.has(name)
          ? { name, source: 'dynamic', description: DYNAMIC_DESCRIPTIONS[name as DynamicVariable] }
          : { name, source: 'undefined', environment: environment.name, reason: `not a dynamic variable: use ${DYNAMIC_VARIABLES.join(', ')}` },
      );
    } else {
      // The last enabled one wins, as in environmentVariables().
      const found = environment.variables.filter((variable) => variable.enabled && variable.name === name).at(-1);
      variables.push(
        found
          ? {
              name,
              source: 'environment',
              environment: environment.name,
              value: deps.ledger.redactText(found.value),
              ...(environment.builtInSandbox === true && LOOPBACK_ORIGIN.test(found.value) ? { note: SANDBOX_NOTE } : {}),
            }
          : { name, source: 'undefined', environment: environment.name, reason: `environment "${environment.name}" does not define it` },
      );
    }
  }
  return { variables };
}
