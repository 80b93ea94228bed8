import { createHash, createPublicKey } from 'node:crypto';
import type { SecretRef } from '../contract/exchanges.ts';
import { loadRsaPrivateKey } from '../signing/rsa-key.ts';
import { oauth1SignatureVariants } from '../signing/variants/oauth1.ts';
import { paynetSignatureVariants } from '../signing/variants/paynet.ts';
import { fieldSignatureVariants } from '../signing/variants/fields.ts';
import type { AlternativeKey, ComputedVariant } from '../signing/variants/types.ts';
import type { SecretSource } from '../signing/types.ts';
import { secretNamesIn } from './failure.ts';
import { secretFingerprint } from './fingerprint.ts';
import type { Replayed, SigningStep } from './replay.ts';

/** The field of a signing step that holds its key. */
function keyField(signing: SigningStep): { template: string; value: string; what: string } {
  switch (signing.kind) {
    case 'oauth1': {
      const raw = signing.raw.type === 'oauth1' ? signing.raw : undefined;
      return signing.step.signatureMethod.startsWith('RSA')
        ? { template: raw?.privateKey ?? '', value: signing.step.privateKey ?? '', what: 'private key' }
        : { template: raw?.consumerSecret ?? '', value: signing.step.consumerSecret ?? '', what: 'consumer secret' };
    }
    case 'paynet':
      return { template: signing.raw.type === 'paynet-signature' ? signing.raw.clientSecret : '', value: signing.step.clientSecret, what: 'client secret' };
    case 'fields':
      return { template: signing.raw.type === 'hmac-fields' ? signing.raw.key : '', value: signing.step.key, what: 'secret key' };
  }
}

export type KeyFacts = {
  /** "elecsnet.control_key in Sandbox" (or "the consumer secret typed into the request"). */
  names: string;
  /** How the key shows in variants: name, environment, length, fingerprint. */
  label: string;
  /** The vault names behind the key, for alternatives from other environments. */
  vaultNames: string[];
  ref: SecretRef | null;
};

export function keyFacts(signing: SigningStep, environment: string): KeyFacts {
  const field = keyField(signing);
  const vaultNames = secretNamesIn(field.template);
  const [name] = vaultNames;
  if (name === undefined) {
    return { names: `the ${field.what} typed into the request`, label: `the ${field.what} typed into the request (${field.value.length} chars)`, vaultNames, ref: null };
  }
  const ref: SecretRef = { name, environment, length: field.value.length, fingerprint: secretFingerprint(environment, name, field.value) };
  return { names: `${name} in ${environment}`, label: `${name} (${environment}, ${ref.length} chars, ${ref.fingerprint})`, vaultNames, ref };
}

/** The same secret name's value in each other environment that has it: the usual mix-up. */
export async function alternativeKeys(
  names: readonly string[],
  environment: string,
  environmentsOf: (name: string) => readonly string[],
  secrets: SecretSource,
  current: string,
): Promise<AlternativeKey[]> {
  const out: AlternativeKey[] = [];
  for (const name of names) {
    let environments: readonly string[] = [];
    try {
      environments = environmentsOf(name);
    } catch {
      // A vault that cannot list (locked, absent) has no other environment to offer.
    }
    for (const other of environments) {
      if (other === environment) continue;
      try {
        const value = await secrets.get(other, name);
        if (value === current) continue;
        out.push({ label: `the ${other} value of ${name} (${value.length} chars, ${secretFingerprint(other, name, value)})`, value });
      } catch {
        // Locked or gone since it was listed: nothing to try.
      }
    }
  }
  return out;
}

/** The signature under every common variant of its scheme; the first is the request as sent. */
export function variantsOf(replayed: Replayed & { signing: SigningStep }, key: KeyFacts, alternatives: readonly AlternativeKey[], clockReadings: readonly number[]): ComputedVariant[] {
  const { signing } = replayed;
  switch (signing.kind) {
    case 'oauth1': {
      const { before, step, result } = signing;
      // As signOAuth1 builds its base string: with oauthParamsInBody, the form body without any stale oauth_* pairs.
      const body = step.oauthParamsInBody
        ? { kind: 'form' as const, pairs: before.body.kind === 'form' ? before.body.pairs.filter((p) => !p.name.startsWith('oauth_')) : [] }
        : before.body;
      const oauth = result.comparable.base.params.filter((p) => p.source === 'oauth').map((p) => ({ name: p.name, value: p.value }));
      return oauth1SignatureVariants({ request: { ...before, body }, config: step, oauth, keyLabel: key.label, alternatives });
    }
    case 'paynet': {
      const timestamp = signing.result.comparable?.kind === 'string' ? signing.result.comparable.stringToSign : '';
      const reading = clockReadings.find((ms) => String(Math.floor(ms / 1000)) === timestamp);
      return paynetSignatureVariants({ timestamp, timestampMs: reading, clientSecret: signing.step.clientSecret, clientId: replayed.clientId, keyLabel: key.label, alternatives });
    }
    case 'fields': {
      const { step, result } = signing;
      let body: Record<string, unknown> = {};
      if (result.request.body.kind === 'json') {
        const parsed: unknown = JSON.parse(result.request.body.text);
        if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) body = { ...(parsed as Record<string, unknown>) };
      }
      const output = step.output.in === 'body' ? step.output.field : undefined;
      body = Object.fromEntries(Object.entries(body).filter(([name]) => name !== output));
      return fieldSignatureVariants({ config: step, body, keyLabel: key.label, alternatives });
    }
  }
}

/** The public half's SHA-256 (of its SPKI), as gateways show the key they hold; null for HMAC schemes. */
export function publicKeyFingerprint(signing: SigningStep): string | null {
  if (signing.kind !== 'oauth1' || !signing.step.signatureMethod.startsWith('RSA') || !signing.step.privateKey) return null;
  const { key } = loadRsaPrivateKey(signing.step.privateKey, signing.step.privateKeyPassphrase);
  return createHash('sha256').update(createPublicKey(key).export({ type: 'spki', format: 'der' })).digest('hex');
}
