import type { AuthStep, HmacFields, OAuth1, PaynetSignature } from '../contract/auth.ts';
import { Redactor } from '../core/redactor.ts';
import { applyMomo, momoSecrets } from '../signing/momo.ts';
import { applyOAuth2, oauth2Secrets } from '../signing/oauth2.ts';
import { oauth1Secrets, signOAuth1 } from '../signing/oauth1.ts';
import { signPaynet } from '../signing/paynet.ts';
import { signHmacFields } from '../signing/hmac-fields.ts';
import { resolveAuthStep, resolveRequest } from '../signing/resolve-templates.ts';
import { applyApiKey, applyBasic, applyBearer } from '../signing/simple-auth.ts';
import type { CachedToken } from '../signing/token-cache.ts';
import type { Clock, NonceSource, SchemeResult, SecretSource, SigningRequest } from '../signing/types.ts';
import { VariableResolver } from '../signing/variables.ts';

/** Stands in for a token: re-deriving a signature never fetches one, and no signature covers it. */
const REPLAY_TOKEN: CachedToken = {
  accessToken: 'token-not-fetched-when-re-deriving',
  tokenType: 'Bearer',
  expiresIn: 3600,
  obtainedAt: 0,
  // Defined, as for a token that came with expires_in: describing it reads the clock, as the send did.
  useUntil: Number.MAX_SAFE_INTEGER,
};

export type SigningStep =
  | { readonly kind: 'oauth1'; readonly step: OAuth1; readonly raw: AuthStep; readonly before: SigningRequest; readonly result: ReturnType<typeof signOAuth1> }
  | { readonly kind: 'paynet'; readonly step: PaynetSignature; readonly raw: AuthStep; readonly before: SigningRequest; readonly result: SchemeResult }
  | { readonly kind: 'fields'; readonly step: HmacFields; readonly raw: AuthStep; readonly before: SigningRequest; readonly result: SchemeResult };

export type Replayed = {
  /** The last step that computes a signature; null when the chain only carries tokens or keys. */
  readonly signing: SigningStep | null;
  /** The client id of an OAuth 2.0 step before it (PayNet's "client id as key" reading). */
  readonly clientId: string | undefined;
  /** Every secret value used: whatever this produces leaves main through it. */
  readonly redactor: Redactor;
};

export type ReplayInput = {
  readonly request: SigningRequest;
  readonly auth: readonly AuthStep[];
  readonly environment: { readonly name: string; readonly variables: Readonly<Record<string, string>> };
};

function secretsOf(step: AuthStep): string[] {
  switch (step.type) {
    case 'oauth2-client-credentials':
      return oauth2Secrets(step);
    case 'momo':
      return momoSecrets(step);
    case 'oauth1':
      return oauth1Secrets(step);
    case 'paynet-signature':
      return [step.clientSecret];
    case 'hmac-fields':
      return [step.key];
    case 'api-key':
      return [step.value];
    case 'basic':
      return [step.password];
    case 'bearer':
      return [step.token];
  }
}

/**
 * Signs the chain again, in the order the signer did (so a recorded clock
 * and nonce sequence comes out the same), without fetching any token, and
 * keeps the last signing step's inputs and artifacts for the diagnosis.
 */
export async function replayChain(input: ReplayInput, sources: { clock: Clock; nonces: NonceSource; secrets: SecretSource }): Promise<Replayed> {
  const resolver = new VariableResolver({ environment: input.environment.name, variables: input.environment.variables, secrets: sources.secrets, clock: sources.clock, nonces: sources.nonces });
  const ctx = { clock: sources.clock, nonces: sources.nonces };
  const redactor = new Redactor();
  let request = await resolveRequest(input.request, resolver);
  let signing: SigningStep | null = null;
  let clientId: string | undefined;
  for (const raw of input.auth) {
    const step = await resolveAuthStep(raw, resolver, input.environment.name);
    redactor.addAll(resolver.secretValues).addAll(secretsOf(step));
    const before = request;
    switch (step.type) {
      case 'oauth2-client-credentials':
        clientId = step.clientId;
        request = applyOAuth2(request, step, REPLAY_TOKEN, false, ctx).request;
        break;
      case 'momo':
        request = applyMomo(request, step, step.useToken ? { token: REPLAY_TOKEN, fromCache: false } : undefined, ctx).request;
        break;
      case 'paynet-signature': {
        const result = signPaynet(request, step, ctx);
        signing = { kind: 'paynet', step, raw, before, result };
        request = result.request;
        break;
      }
      case 'hmac-fields': {
        const result = signHmacFields(request, step, ctx);
        signing = { kind: 'fields', step, raw, before, result };
        request = result.request;
        break;
      }
      case 'oauth1': {
        const result = signOAuth1(request, step, ctx);
        signing = { kind: 'oauth1', step, raw, before, result };
        request = result.request;
        break;
      }
      case 'api-key':
        request = applyApiKey(request, step).request;
        break;
      case 'basic':
        request = applyBasic(request, step).request;
        break;
      case 'bearer':
        request = applyBearer(request, step).request;
        break;
    }
  }
  redactor.addAll(resolver.secretValues);
  return { signing, clientId, redactor };
}
