import type { SecretSourceFact } from '../contract/secret-providers.ts';

/** "Secrets: paynet.client_secret from pass (countersign/uat/paynet.client_secret)": names and places, never values. */
export function secretSourcesLine(facts: readonly SecretSourceFact[] | undefined): string | null {
  if (facts === undefined || facts.length === 0) return null;
  const parts = facts.map((fact) => `${fact.name} from ${fact.provider}${fact.location === null ? '' : ` (${fact.location})`}`);
  return `Secrets: ${parts.join('; ')}`;
}
