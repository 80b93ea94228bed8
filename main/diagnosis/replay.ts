import type { AuthStep, HmacFields, OAuth1, PaynetSignature } from '../contract/auth.ts';
import { Redactor } from '../core/redactor.ts';
import { resolveAuthStep, resolveRequest } from '../signing/resolve-templates.ts';
import { moduleOf, type ApplyContext } from '../signing/schemes/index.ts';
import type { CachedToken } from '../signing/token-cache.ts';
import type { Clock, ComparableOAuth1, ComparableString, NonceSource, SchemeResult, SecretSource, SigningRequest } from '../signing/types.ts';
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

type Signed<C> = SchemeResult & { readonly comparable: C };

export type SigningStep =
  | { readonly kind: 'oauth1'; readonly step: OAuth1; readonly raw: AuthStep; readonly before: SigningRequest; readonly result: Signed<ComparableOAuth1> }
  | { readonly kind: 'paynet'; readonly step: PaynetSignature; readonly raw: AuthStep; readonly before: SigningRequest; readonly result: Signed<ComparableString> }
  | { readonly kind: 'fields'; readonly step: HmacFields; readonly raw: AuthStep; readonly before: SigningRequest; readonly result: Signed<ComparableString> };

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

/**
 * The diagnosis reads the three signature schemes' own inputs (key field,
 * timestamp, parts); every other step is replayed for its effect on the
 * request only. A scheme's comparable says it computed a signature.
 */
function signingStep(step: AuthStep, raw: AuthStep, before: SigningRequest, result: SchemeResult): SigningStep | null {
  const { comparable } = result;
  if (comparable === undefined) return null;
  if (comparable.kind === 'oauth1') return step.type === 'oauth1' ? { kind: 'oauth1', step, raw, before, result: { ...result, comparable } } : null;
  if (step.type === 'paynet-signature') return { kind: 'paynet', step, raw, before, result: { ...result, comparable } };
  if (step.type === 'hmac-fields') return { kind: 'fields', step, raw, before, result: { ...result, comparable } };
  return null;
}

/**
 * Signs the chain again through the scheme registry, in the order the signer
 * did (so a recorded clock and nonce sequence comes out the same), without
 * fetching any token, and keeps the last signing step's inputs and artifacts
 * for the diagnosis. Its traces are redacted with everything the chain used.
 */
export async function replayChain(input: ReplayInput, sources: { clock: Clock; nonces: NonceSource; secrets: SecretSource }): Promise<Replayed> {
  const resolver = new VariableResolver({ environment: input.environment.name, variables: input.environment.variables, secrets: sources.secrets, clock: sources.clock, nonces: sources.nonces });
  const redactor = new Redactor();
  const ctx: ApplyContext = {
    clock: sources.clock,
    nonces: sources.nonces,
    environment: input.environment.name,
    // As the send's cache would hand out a token; the placeholder is added to nothing and no signature covers it.
    tokens: { get: () => Promise.resolve({ token: REPLAY_TOKEN, fromCache: false }) },
    fetchToken: () => Promise.reject(new Error('Re-deriving a signature never fetches a token.')),
    knownSecrets: () => redactor.values(),
    carriesToken: () => undefined,
  };
  let request = await resolveRequest(input.request, resolver);
  let signing: SigningStep | null = null;
  let clientId: string | undefined;
  for (const raw of input.auth) {
    const step = await resolveAuthStep(raw, resolver, input.environment.name);
    const scheme = moduleOf(step);
    redactor.addAll(resolver.secretValues).addAll(scheme.secrets(step));
    if (step.type === 'oauth2-client-credentials') clientId = step.clientId;
    const before = request;
    const result = await scheme.apply(request, step, ctx);
    signing = signingStep(step, raw, before, result) ?? signing;
    request = result.request;
  }
  redactor.addAll(resolver.secretValues);
  if (signing !== null) signing = { ...signing, result: { ...signing.result, trace: redactor.redactDeep(signing.result.trace) } } as SigningStep;
  return { signing, clientId, redactor };
}
