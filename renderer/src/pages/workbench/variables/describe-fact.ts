import type { VariableFact } from '../../../../../main/contract/variables.ts';

const PROVIDER = { vault: 'the vault', env: 'environment variable', pass: 'pass entry' } as const;

/** Where a variable's value comes from, in words; a secret never has a value here, only its name and source. */
export function describeFact(fact: VariableFact): { value: string | null; source: string; problem: boolean } {
  switch (fact.source) {
    case 'environment':
      return { value: fact.value, source: `environment "${fact.environment}" variable${fact.note === undefined ? '' : `; ${fact.note}`}`, problem: false };
    case 'dynamic':
      return { value: null, source: `dynamic: ${fact.description}`, problem: false };
    case 'secret': {
      const where = fact.provider === null ? null : fact.location === null ? PROVIDER[fact.provider] : `${PROVIDER[fact.provider]} ${fact.location}`;
      if (fact.state === 'present') return { value: null, source: `secret "${fact.secret}" from ${where ?? 'the vault'} (environment "${fact.environment}"); its value stays in the vault`, problem: false };
      if (fact.state === 'unknown') return { value: null, source: `secret "${fact.secret}": the vault is locked, unlock it to check it is there`, problem: false };
      return { value: null, source: `secret "${fact.secret}" is missing in environment "${fact.environment}": add it on the Vault screen`, problem: true };
    }
    case 'undefined':
      return { value: null, source: `not defined: ${fact.reason}`, problem: true };
  }
}
