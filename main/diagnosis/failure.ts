import type { AuthStep } from '../contract/auth.ts';
import type { ExchangeFailure, FailureCategory } from '../contract/exchanges.ts';
import type { HttpErrorKind, HttpOutcome } from '../contract/http.ts';

/** Which HTTP error kinds are the network's, the TLS handshake's, or the user's set-up. */
const CATEGORY_OF_KIND: Record<HttpErrorKind, FailureCategory> = {
  dns: 'network',
  refused: 'network',
  timeout: 'network',
  reset: 'network',
  proxy: 'network',
  protocol: 'network',
  'too-large': 'network',
  cancelled: 'network',
  other: 'network',
  tls: 'tls',
  'client-cert': 'tls',
  'invalid-request': 'configuration',
  'redirect-refused': 'configuration',
  file: 'configuration',
};

export function categoryOfErrorKind(kind: HttpErrorKind): FailureCategory {
  return CATEGORY_OF_KIND[kind];
}

const SECRET_TEMPLATE = /\{\{\s*secret:\s*([^{}]+?)\s*\}\}/g;

/** The vault names a template refers to, e.g. "{{secret:paynet.client_secret}}" → ["paynet.client_secret"]. */
export function secretNamesIn(text: string): string[] {
  return [...text.matchAll(SECRET_TEMPLATE)].map((m) => m[1] ?? '').filter((name) => name !== '');
}

/** What a token step's credentials are called, for the cause sentence: vault names where they come from the vault. */
export function tokenCredentialNames(step: AuthStep): { what: string; names: string[] } {
  if (step.type === 'oauth2-client-credentials') {
    return { what: 'client credentials', names: [...secretNamesIn(step.clientSecret), ...secretNamesIn(step.clientId)] };
  }
  if (step.type === 'momo') return { what: 'API user and key', names: [...secretNamesIn(step.apiKey), ...secretNamesIn(step.apiUser)] };
  return { what: 'credentials', names: [] };
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

function listed(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1] ?? ''}`;
}

/** Token endpoints say "refused" with 400 (RFC 6749 invalid_client/invalid_grant), 401 or 403. */
function isRefusal(status: number, body: string): boolean {
  return status === 401 || status === 403 || (status === 400 && /invalid_(client|grant|request|scope)|unauthori[sz]ed/i.test(body));
}

export type TokenContext = {
  step: AuthStep;
  environment: string;
  url: string;
};

/** The failure of a token request, or null when it gave a token. `bodyText` is the (redacted) answer. */
export function tokenFailure(outcome: HttpOutcome, bodyText: string, tokenIssued: boolean, context: TokenContext): ExchangeFailure | null {
  const host = hostOf(context.url);
  if (!outcome.ok) {
    return {
      category: categoryOfErrorKind(outcome.error.kind),
      cause: `the token request to ${host} failed before an answer (${outcome.error.kind}), so the call was not made`,
      detail: outcome.error.message,
    };
  }
  const { status } = outcome.response;
  if (status >= 200 && status <= 299) {
    if (tokenIssued) return null;
    return { category: 'gateway_status', cause: `the token endpoint ${host} answered ${status} without a usable access_token, so the call was not made`, detail: bodyText.slice(0, 300) || null };
  }
  if (isRefusal(status, bodyText)) {
    const { what, names } = tokenCredentialNames(context.step);
    const check = names.length > 0 ? `check ${listed(names)} in ${context.environment}` : `check the ${what} typed into the request's auth`;
    return { category: 'token_refused', cause: `the token endpoint refused the ${what}: ${check}`, detail: `${host} answered ${status}: ${bodyText.slice(0, 300)}` };
  }
  return { category: 'gateway_status', cause: `the token endpoint ${host} answered ${status}, so the call was not made`, detail: bodyText.slice(0, 300) || null };
}

/** The failure of the call itself, or null for a 2xx. */
export function callFailure(outcome: HttpOutcome, url: string): ExchangeFailure | null {
  const host = hostOf(url);
  if (!outcome.ok) {
    return { category: categoryOfErrorKind(outcome.error.kind), cause: `the request to ${host} failed before an answer (${outcome.error.kind})`, detail: outcome.error.message };
  }
  const { status, statusText } = outcome.response;
  if (status >= 200 && status <= 299) return null;
  const reason = statusText === '' ? '' : ` ${statusText}`;
  const hint =
    status === 401 || status === 403
      ? ': it refused the credentials or the signature; paste its expected base string or signature into the signature debugger to find which'
      : '';
  return { category: 'gateway_status', cause: `the gateway answered ${status}${reason}${hint}`, detail: null };
}

/** A failure before anything was sent: an unknown variable, a missing or locked secret, a URL that cannot be used, or a key that cannot sign. */
export function preSendFailure(message: string, configuration: boolean): ExchangeFailure {
  return { category: configuration ? 'configuration' : 'signing', cause: message, detail: null };
}
