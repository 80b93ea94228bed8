import type { AuthStep, CompareExpected, CompareReport, SchemeTrace } from '../contract/auth.ts';
import { Redactor } from '../core/redactor.ts';
import { compareOAuth1, compareSignedString } from './compare.ts';
import { SigningError } from './errors.ts';
import { signHmacFields } from './hmac-fields.ts';
import { applyMomo, momoSecrets, momoTokenRequest, momoTokenUrl } from './momo.ts';
import { applyOAuth2, clientCredentialsRequest, oauth2Secrets } from './oauth2.ts';
import { oauth1Secrets, signOAuth1 } from './oauth1.ts';
import { signPaynet } from './paynet.ts';
import { resolveAuthStep, resolveRequest } from './resolve-templates.ts';
import { applyApiKey, applyBasic, applyBearer, basicCredentials } from './simple-auth.ts';
import { DEFAULT_EXPIRY_MARGIN_SECONDS, type TokenCache, type TokenKey } from './token-cache.ts';
import { fetchToken, type TokenFetcher } from './token-endpoint.ts';
import type { Clock, NonceSource, SchemeContext, SchemeResult, SecretSource, SigningRequest } from './types.ts';
import { checkUrl } from './url.ts';
import { VariableResolver } from './variables.ts';

export type SigningEnvironment = { readonly name: string; readonly variables: Readonly<Record<string, string>> };

export type SigningDeps = {
  readonly clock: Clock;
  readonly nonces: NonceSource;
  readonly secrets: SecretSource;
  readonly tokens: TokenCache;
  readonly fetchToken: TokenFetcher;
};

export type SignInput = {
  readonly request: SigningRequest;
  readonly auth: readonly AuthStep[];
  readonly environment: SigningEnvironment;
};

export type SignedRequest = {
  /** Ready to send: holds credentials, so it goes to the HTTP executor and nowhere else. */
  readonly request: SigningRequest;
  /** One trace per scheme in chain order, redacted: safe to show, log or store. */
  readonly traces: readonly SchemeTrace[];
  /** Knows every secret this send touched (vault values, credentials, tokens): everything about the send that leaves main goes through it. */
  readonly redactor: Redactor;
  /** The redactor's text form, for callers that only have a string. */
  readonly redact: (text: string) => string;
  /**
   * Compare mode: checks what the gateway expected (pasted signature and/or
   * base string) against the last signing step of the chain. Redacted.
   */
  readonly compare: (expected: CompareExpected) => CompareReport;
  /** Tokens this request carries, so a 401 can drop exactly those. */
  readonly tokensUsed: readonly { readonly key: TokenKey; readonly accessToken: string }[];
};

/** Secret values named by a step's own fields, even when typed in rather than taken from the vault. */
function stepSecrets(step: AuthStep): string[] {
  switch (step.type) {
    case 'oauth2-client-credentials':
      return oauth2Secrets(step);
    case 'paynet-signature':
      return [step.clientSecret];
    case 'hmac-fields':
      return [step.key];
    case 'oauth1':
      return oauth1Secrets(step);
    case 'momo':
      return momoSecrets(step);
    case 'api-key':
      return [step.value];
    case 'basic':
      return [step.password, basicCredentials(step.username, step.password)];
    case 'bearer':
      return [step.token];
  }
}

/**
 * Resolves the request's and the auth chain's templates, then applies each
 * scheme in order. Every error that leaves is redacted by value.
 */
export async function signRequest(input: SignInput, deps: SigningDeps): Promise<SignedRequest> {
  // Secrets accumulate as the chain runs (vault values, step credentials, fetched tokens); each value's forms are worked out once.
  const redactor = new Redactor();
  const redactAll = (text: string): string => redactor.redactText(text);
  const resolver = new VariableResolver({
    environment: input.environment.name,
    variables: input.environment.variables,
    secrets: deps.secrets,
    clock: deps.clock,
    nonces: deps.nonces,
  });
  const ctx: SchemeContext = { clock: deps.clock, nonces: deps.nonces };
  const traces: SchemeTrace[] = [];
  const tokensUsed: { key: TokenKey; accessToken: string }[] = [];
  let compare: ((expected: CompareExpected) => CompareReport) | undefined;
  try {
    let request = await resolveRequest(input.request, resolver);
    checkUrl(request.url, 'The request URL');
    for (const raw of input.auth) {
      const step = await resolveAuthStep(raw, resolver, input.environment.name);
      redactor.addAll(resolver.secretValues).addAll(stepSecrets(step));
      if (step.type === 'basic') redactor.addBasicPair(step.username, step.password);
      const result = await applyStep(request, step, ctx, deps, input.environment.name, redactor.values(), tokensUsed);
      for (const used of tokensUsed) redactor.add(used.accessToken);
      request = result.request;
      traces.push(result.trace);
      const found = comparer(result);
      if (found !== undefined) compare = found;
    }
    redactor.addAll(resolver.secretValues);
    return {
      request,
      traces: redactor.redactDeep(traces),
      redactor,
      redact: redactAll,
      compare: (expected) => redactor.redactDeep(compare === undefined ? NOTHING_TO_COMPARE : compare(expected)),
      tokensUsed,
    };
  } catch (error) {
    redactor.addAll(resolver.secretValues);
    throw redactError(error, redactAll);
  }
}

const NOTHING_TO_COMPARE: CompareReport = {
  matches: false,
  differences: [],
  summary: 'This auth chain computes no signature to compare (only tokens or keys).',
};

function comparer(result: SchemeResult): ((expected: CompareExpected) => CompareReport) | undefined {
  const { comparable } = result;
  if (comparable === undefined) return undefined;
  return comparable.kind === 'oauth1'
    ? (expected) => compareOAuth1(comparable, expected)
    : (expected) => compareSignedString(comparable, expected);
}

function redactError(error: unknown, redactAll: (text: string) => string): Error {
  if (error instanceof Error) {
    error.message = redactAll(error.message);
    if (error.stack !== undefined) error.stack = redactAll(error.stack);
    return error;
  }
  return new SigningError(redactAll(String(error)));
}

async function applyStep(
  request: SigningRequest,
  step: AuthStep,
  ctx: SchemeContext,
  deps: SigningDeps,
  environment: string,
  secrets: readonly string[],
  tokensUsed: { key: TokenKey; accessToken: string }[],
): Promise<SchemeResult> {
  switch (step.type) {
    case 'oauth2-client-credentials': {
      const key: TokenKey = { environment, tokenUrl: step.tokenUrl, clientId: step.clientId };
      const got = await deps.tokens.get(
        key,
        () => fetchToken(deps.fetchToken, clientCredentialsRequest(step), secrets),
        step.expiryMarginSeconds ?? DEFAULT_EXPIRY_MARGIN_SECONDS,
      );
      tokensUsed.push({ key, accessToken: got.token.accessToken });
      return applyOAuth2(request, step, got.token, got.fromCache, ctx);
    }
    case 'momo': {
      if (!step.useToken) return applyMomo(request, step, undefined, ctx);
      const key: TokenKey = { environment, tokenUrl: momoTokenUrl(step, request.url), clientId: step.apiUser };
      const got = await deps.tokens.get(
        key,
        () => fetchToken(deps.fetchToken, momoTokenRequest(step, request.url), secrets),
        step.expiryMarginSeconds ?? DEFAULT_EXPIRY_MARGIN_SECONDS,
      );
      tokensUsed.push({ key, accessToken: got.token.accessToken });
      return applyMomo(request, step, got, ctx);
    }
    case 'paynet-signature':
      return signPaynet(request, step, ctx);
    case 'hmac-fields':
      return signHmacFields(request, step, ctx);
    case 'oauth1':
      return signOAuth1(request, step, ctx);
    case 'api-key':
      return applyApiKey(request, step);
    case 'basic':
      return applyBasic(request, step);
    case 'bearer':
      return applyBearer(request, step);
  }
}

/**
 * Signs and sends; when the API answers 401 and the request carried a cached
 * token, drops that token and signs and sends once more with a fresh one.
 */
export async function sendWithTokenRetry<R extends { readonly status: number }>(
  input: SignInput,
  deps: SigningDeps,
  send: (signed: SignedRequest) => Promise<R>,
): Promise<{ response: R; signed: SignedRequest; retried: boolean }> {
  const signed = await signRequest(input, deps);
  const response = await send(signed);
  if (response.status !== 401 || signed.tokensUsed.length === 0) return { response, signed, retried: false };
  for (const used of signed.tokensUsed) deps.tokens.drop(used.key, used.accessToken);
  const again = await signRequest(input, deps);
  return { response: await send(again), signed: again, retried: true };
}
