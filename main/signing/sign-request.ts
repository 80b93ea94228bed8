import type { AuthStep, CompareExpected, CompareReport, SchemeTrace } from '../contract/auth.ts';
import { Redactor } from '../core/redactor.ts';
import { compareOAuth1, compareSignedString } from './compare.ts';
import { SigningError } from './errors.ts';
import { resolveAuthStep, resolveRequest } from './resolve-templates.ts';
import { moduleOf, type ApplyContext } from './schemes/index.ts';
import type { TokenCache, TokenKey } from './token-cache.ts';
import type { TokenFetcher } from './token-endpoint.ts';
import type { Clock, NonceSource, SchemeResult, SecretSource, SigningRequest } from './types.ts';
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
  const traces: SchemeTrace[] = [];
  const tokensUsed: { key: TokenKey; accessToken: string }[] = [];
  const ctx: ApplyContext = {
    clock: deps.clock,
    nonces: deps.nonces,
    environment: input.environment.name,
    tokens: deps.tokens,
    fetchToken: deps.fetchToken,
    knownSecrets: () => redactor.values(),
    carriesToken: (key, accessToken) => {
      tokensUsed.push({ key, accessToken });
      redactor.add(accessToken);
    },
  };
  let compare: ((expected: CompareExpected) => CompareReport) | undefined;
  try {
    // Each stage answers at once when it has nothing to wait for; only a promise is awaited (an await costs a turn of the event loop).
    const resolved = resolveRequest(input.request, resolver);
    let request = resolved instanceof Promise ? await resolved : resolved;
    checkRequestUrl(input.request.url, request.url);
    for (const raw of input.auth) {
      const stepNow = resolveAuthStep(raw, resolver, input.environment.name);
      const step = stepNow instanceof Promise ? await stepNow : stepNow;
      const scheme = moduleOf(step);
      redactor.addAll(resolver.secretValues).addAll(scheme.secrets(step));
      if (step.type === 'basic') redactor.addBasicPair(step.username, step.password);
      // Traces come back unredacted: all of them are redacted once below, with everything the send touched.
      const applied = scheme.apply(request, step, ctx);
      const result = applied instanceof Promise ? await applied : applied;
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

/**
 * Resolved request URLs that passed checkUrl: a send goes to the same
 * endpoints over and over, and parsing the URL again was a tenth of a
 * signature's cost. A URL whose template names a secret is never kept.
 */
const CHECKED_URLS = 256;
const checkedUrls = new Set<string>();

function checkRequestUrl(template: string, url: string): void {
  if (checkedUrls.has(url)) return;
  checkUrl(url, 'The request URL');
  if (template.includes('secret:')) return;
  if (checkedUrls.size >= CHECKED_URLS) checkedUrls.clear();
  checkedUrls.add(url);
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
