import { describe, expect, it } from 'vitest';
import type { AuthStep } from '../../../main/contract/auth.ts';
import type { HttpErrorKind, HttpOutcome } from '../../../main/contract/http.ts';
import { callFailure, categoryOfErrorKind, secretNamesIn, tokenFailure } from '../../../main/diagnosis/failure.ts';

const OAUTH2: AuthStep = { type: 'oauth2-client-credentials', tokenUrl: '{{tokenUrl}}', clientId: '{{clientId}}', clientSecret: '{{secret:paynet.client_secret}}', clientAuth: 'body' };
const MOMO: AuthStep = { type: 'momo', subscriptionKey: '{{secret:momo.subscription_key}}', apiUser: '{{apiUser}}', apiKey: '{{secret:momo.api_key}}', tokenPath: '/collection/token/', useToken: true, referenceId: false };
const URL_ = 'https://api.reports.uat.inet.paynet.my/token';

function answered(status: number, body = ''): HttpOutcome {
  return {
    ok: true,
    response: {
      url: URL_,
      status,
      statusText: '',
      headers: [],
      timing: { dnsMs: null, connectMs: null, tlsMs: null, firstByteMs: 1, downloadMs: 1, totalMs: 2 },
      bytes: body.length,
      contentType: 'application/json',
      preview: { encoding: 'utf8', data: body, truncated: false },
      saved: null,
      clockSkew: null,
      redirects: [],
      pendingRedirect: null,
    },
  };
}
const failed = (kind: HttpErrorKind): HttpOutcome => ({ ok: false, error: { kind, message: `${kind} happened` }, redirects: [] });

describe('the category and cause of a failed exchange', () => {
  it('a refused token names the secret by vault name and environment', () => {
    const body = '{"error":"invalid_client"}';
    expect(tokenFailure(answered(401, body), body, false, { step: OAUTH2, environment: 'UAT', url: URL_ })).toEqual({
      category: 'token_refused',
      cause: 'the token endpoint refused the client credentials: check paynet.client_secret in UAT',
      detail: `api.reports.uat.inet.paynet.my answered 401: ${body}`,
    });
    // RFC 6749 answers 400 invalid_client too.
    expect(tokenFailure(answered(400, body), body, false, { step: OAUTH2, environment: 'UAT', url: URL_ })?.category).toBe('token_refused');
    expect(tokenFailure(answered(401, ''), '', false, { step: MOMO, environment: 'Sandbox', url: URL_ })?.cause).toBe('the token endpoint refused the API user and key: check momo.api_key in Sandbox');
  });

  it('a credential typed into the auth is named as such', () => {
    const typed: AuthStep = { ...OAUTH2, clientSecret: 'typed-in-secret-value' };
    expect(tokenFailure(answered(401), '', false, { step: typed, environment: 'UAT', url: URL_ })?.cause).toBe("the token endpoint refused the client credentials: check the client credentials typed into the request's auth");
  });

  it('a DNS failure is network, a handshake failure tls, never signing', () => {
    expect(tokenFailure(failed('dns'), '', false, { step: OAUTH2, environment: 'UAT', url: URL_ })?.category).toBe('network');
    expect(tokenFailure(failed('tls'), '', false, { step: OAUTH2, environment: 'UAT', url: URL_ })?.category).toBe('tls');
    expect(callFailure(failed('dns'), 'https://gw.example/x')?.category).toBe('network');
    expect(callFailure(failed('client-cert'), 'https://gw.example/x')?.category).toBe('tls');
    expect(categoryOfErrorKind('redirect-refused')).toBe('configuration');
  });

  it('other statuses are the gateway\'s, and a 2xx without a token is not a success', () => {
    expect(tokenFailure(answered(400, '{"error":"unsupported_grant_type"}'), '{"error":"unsupported_grant_type"}', false, { step: OAUTH2, environment: 'UAT', url: URL_ })?.category).toBe('gateway_status');
    expect(tokenFailure(answered(503), '', false, { step: OAUTH2, environment: 'UAT', url: URL_ })?.category).toBe('gateway_status');
    expect(tokenFailure(answered(200, '{}'), '{}', false, { step: OAUTH2, environment: 'UAT', url: URL_ })?.cause).toMatch(/without a usable access_token/);
    expect(tokenFailure(answered(200, '{"access_token":"x"}'), '', true, { step: OAUTH2, environment: 'UAT', url: URL_ })).toBeNull();
  });

  it('a call answered 403 is gateway_status and points at the signature debugger; a 2xx is no failure', () => {
    expect(callFailure(answered(403), 'https://gw.example/x')).toMatchObject({ category: 'gateway_status', cause: expect.stringMatching(/^the gateway answered 403: .*signature debugger/) as unknown });
    expect(callFailure(answered(204), 'https://gw.example/x')).toBeNull();
  });

  it('finds vault names in templates', () => {
    expect(secretNamesIn('{{secret:a.b}}&{{ secret: c }}{{other}}')).toEqual(['a.b', 'c']);
  });
});
