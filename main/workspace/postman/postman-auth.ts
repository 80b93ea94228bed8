import { OAuth1SignatureMethod, type AuthStep } from '../../contract/auth.ts';
import type { AuthSetting } from '../../contract/workspace.ts';

export type PostmanAuthParams = Readonly<Record<string, unknown>>;

function str(params: PostmanAuthParams, key: string): string | undefined {
  const value = params[key];
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

function oauth1(params: PostmanAuthParams, where: string, warnings: string[]): AuthStep {
  const method = OAuth1SignatureMethod.safeParse(str(params, 'signatureMethod') ?? 'HMAC-SHA1');
  if (!method.success) warnings.push(`${where}: OAuth 1.0 signature method "${str(params, 'signatureMethod') ?? ''}" is not supported; HMAC-SHA1 was used.`);
  const signatureMethod = method.success ? method.data : 'HMAC-SHA1';
  const rsa = signatureMethod.startsWith('RSA-');
  const optional = (key: string): string | undefined => {
    const value = str(params, key);
    return value === undefined || value === '' ? undefined : value;
  };
  const token = optional('token');
  const tokenSecret = optional('tokenSecret');
  const consumerSecret = rsa ? undefined : optional('consumerSecret');
  const privateKey = rsa ? optional('privateKey') : undefined;
  // Postman leaves an empty realm out of the header, so an empty one maps to none.
  const realm = optional('realm');
  const nonce = optional('nonce');
  const timestamp = optional('timestamp');
  if (params.includeBodyHash === true) warnings.push(`${where}: Postman's oauth_body_hash option is not supported; the request is signed without it.`);
  if (rsa && privateKey === undefined) warnings.push(`${where}: the OAuth 1.0 ${signatureMethod} request has no private key; pick one from the vault.`);
  // Postman's "add params to header" off means it sends the oauth_* parameters in the body or query.
  const inBody = params.addParamsToHeader === false || params.addParamsToHeader === 'false';
  return {
    type: 'oauth1',
    signatureMethod,
    consumerKey: str(params, 'consumerKey') ?? '',
    ...(consumerSecret === undefined ? {} : { consumerSecret }),
    ...(token === undefined ? {} : { token }),
    ...(tokenSecret === undefined ? {} : { tokenSecret }),
    ...(privateKey === undefined ? {} : { privateKey }),
    ...(realm === undefined ? {} : { realm }),
    includeVersion: str(params, 'version') !== '',
    oauthParamsInBody: inBody,
    ...(nonce === undefined ? {} : { nonce }),
    ...(timestamp === undefined ? {} : { timestamp }),
  };
}

function oauth2(params: PostmanAuthParams, where: string, warnings: string[]): AuthStep | null {
  const grant = str(params, 'grant_type') ?? 'authorization_code';
  if (grant === 'client_credentials') {
    const scope = str(params, 'scope');
    return {
      type: 'oauth2-client-credentials',
      tokenUrl: str(params, 'accessTokenUrl') ?? '',
      clientId: str(params, 'clientId') ?? '',
      clientSecret: str(params, 'clientSecret') ?? '',
      clientAuth: str(params, 'client_authentication') === 'header' ? 'basic' : 'body',
      ...(scope === undefined || scope === '' ? {} : { scope }),
    };
  }
  const accessToken = str(params, 'accessToken');
  if (accessToken !== undefined && accessToken !== '') {
    warnings.push(`${where}: OAuth 2.0 grant "${grant}" is not run by Countersign; its saved access token was kept as a bearer token.`);
    return { type: 'bearer', token: accessToken };
  }
  warnings.push(`${where}: OAuth 2.0 grant "${grant}" is not supported (client credentials is); the request was imported without auth.`);
  return null;
}

/**
 * A Postman auth block as a Countersign auth setting. Secret values stay as
 * they are here; the importer moves them to the vault afterwards.
 */
export function mapPostmanAuth(type: string | undefined, params: PostmanAuthParams, where: string, warnings: string[]): AuthSetting {
  let step: AuthStep | null;
  switch (type) {
    case undefined:
      return { mode: 'inherit' };
    case 'noauth':
      return { mode: 'none' };
    case 'basic':
      step = { type: 'basic', username: str(params, 'username') ?? '', password: str(params, 'password') ?? '' };
      break;
    case 'bearer':
      step = { type: 'bearer', token: str(params, 'token') ?? '' };
      break;
    case 'apikey':
      step = { type: 'api-key', in: str(params, 'in') === 'query' ? 'query' : 'header', name: str(params, 'key') || 'X-API-Key', value: str(params, 'value') ?? '' };
      break;
    case 'oauth1':
      step = oauth1(params, where, warnings);
      break;
    case 'oauth2':
      step = oauth2(params, where, warnings);
      break;
    default:
      warnings.push(`${where}: Postman auth type "${type}" is not supported; the request was imported without auth.`);
      step = null;
  }
  return step ? { mode: 'chain', steps: [step] } : { mode: 'none' };
}
