import type { AuthStep, AuthType } from '../../../../main/contract/auth.ts';

/** How the editor shows one field of a scheme. `secret` fields only ever hold a `{{secret:name}}` reference. */
export type FieldSpec =
  | { key: string; label: string; kind: 'text' | 'secret' | 'json' }
  | { key: string; label: string; kind: 'select'; options: readonly string[] }
  | { key: string; label: string; kind: 'boolean' };

export const SCHEME_LABELS: Record<AuthType, string> = {
  'oauth2-client-credentials': 'OAuth 2.0 client credentials',
  'paynet-signature': 'PayNet signature headers',
  'hmac-fields': 'HMAC over body fields',
  oauth1: 'OAuth 1.0a',
  momo: 'MTN MoMo',
  'api-key': 'API key',
  basic: 'Basic',
  bearer: 'Bearer token',
};

export const SCHEME_FIELDS: Record<AuthType, readonly FieldSpec[]> = {
  'oauth2-client-credentials': [
    { key: 'tokenUrl', label: 'Token URL', kind: 'text' },
    { key: 'clientId', label: 'Client ID', kind: 'text' },
    { key: 'clientSecret', label: 'Client secret', kind: 'secret' },
    { key: 'clientAuth', label: 'Send client credentials in', kind: 'select', options: ['body', 'basic'] },
    { key: 'scope', label: 'Scope', kind: 'text' },
  ],
  'paynet-signature': [{ key: 'clientSecret', label: 'Client secret', kind: 'secret' }],
  'hmac-fields': [
    { key: 'key', label: 'Key', kind: 'secret' },
    { key: 'algorithm', label: 'Algorithm', kind: 'select', options: ['sha256', 'sha1', 'sha512'] },
    { key: 'encoding', label: 'Encoding', kind: 'select', options: ['hex', 'base64'] },
    { key: 'parts', label: 'Parts (JSON list of field / literal / variable)', kind: 'json' },
    { key: 'output', label: 'Output (JSON)', kind: 'json' },
    { key: 'timestampField', label: 'Timestamp field', kind: 'text' },
  ],
  oauth1: [
    { key: 'signatureMethod', label: 'Signature method', kind: 'select', options: ['HMAC-SHA1', 'HMAC-SHA256', 'RSA-SHA1', 'RSA-SHA256', 'PLAINTEXT'] },
    { key: 'consumerKey', label: 'Consumer key', kind: 'text' },
    { key: 'consumerSecret', label: 'Consumer secret', kind: 'secret' },
    { key: 'token', label: 'Token', kind: 'text' },
    { key: 'tokenSecret', label: 'Token secret', kind: 'secret' },
    { key: 'privateKey', label: 'Private key (RSA)', kind: 'secret' },
    { key: 'privateKeyPassphrase', label: 'Private key passphrase', kind: 'secret' },
    { key: 'realm', label: 'Realm', kind: 'text' },
    { key: 'includeVersion', label: 'Send oauth_version', kind: 'boolean' },
    { key: 'oauthParamsInBody', label: 'Repeat oauth_* in the form body', kind: 'boolean' },
  ],
  momo: [
    { key: 'subscriptionKey', label: 'Subscription key', kind: 'secret' },
    { key: 'apiUser', label: 'API user', kind: 'text' },
    { key: 'apiKey', label: 'API key', kind: 'secret' },
    { key: 'targetEnvironment', label: 'Target environment', kind: 'text' },
    { key: 'tokenPath', label: 'Token path', kind: 'text' },
    { key: 'baseUrl', label: 'Token base URL', kind: 'text' },
    { key: 'useToken', label: 'Use a bearer token', kind: 'boolean' },
    { key: 'referenceId', label: 'Add X-Reference-Id', kind: 'boolean' },
  ],
  'api-key': [
    { key: 'in', label: 'Send in', kind: 'select', options: ['header', 'query'] },
    { key: 'name', label: 'Name', kind: 'text' },
    { key: 'value', label: 'Value', kind: 'secret' },
  ],
  basic: [
    { key: 'username', label: 'Username', kind: 'text' },
    { key: 'password', label: 'Password', kind: 'secret' },
  ],
  bearer: [{ key: 'token', label: 'Token', kind: 'secret' }],
};

/** A fresh step of a scheme, valid as far as its required fields go. */
export function newStep(type: AuthType): AuthStep {
  switch (type) {
    case 'oauth2-client-credentials':
      return { type, tokenUrl: '', clientId: '', clientSecret: '', clientAuth: 'body' };
    case 'paynet-signature':
      return { type, clientSecret: '' };
    case 'hmac-fields':
      return { type, key: '', algorithm: 'sha256', encoding: 'hex', parts: [], output: { in: 'header', name: 'X-Signature' } };
    case 'oauth1':
      return { type, signatureMethod: 'HMAC-SHA1', consumerKey: '', includeVersion: true, oauthParamsInBody: false };
    case 'momo':
      return { type, subscriptionKey: '', apiUser: '', apiKey: '', tokenPath: '/collection/token/', useToken: true, referenceId: false };
    case 'api-key':
      return { type, in: 'header', name: 'X-Api-Key', value: '' };
    case 'basic':
      return { type, username: '', password: '' };
    case 'bearer':
      return { type, token: '' };
  }
}

const SECRET_REF = /^\{\{\s*secret:([^{}]+?)\s*\}\}$/;

/** The vault name a secret field refers to, or null when it holds something else. */
export function secretRefName(value: string): string | null {
  return SECRET_REF.exec(value)?.[1] ?? null;
}
