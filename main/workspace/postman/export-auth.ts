import type pm from 'postman-collection';
import type { AuthStep } from '../../contract/auth.ts';
import type { AuthSetting, KeyValue } from '../../contract/workspace.ts';
import type { TemplateMapper } from './export-templates.ts';

/** What one auth setting becomes in Postman: its auth block, headers or query parameters it adds, and what Postman cannot do. */
export type PostmanAuthParts = {
  auth?: pm.RequestAuthDefinition;
  headers: KeyValue[];
  query: KeyValue[];
  /** One line per step Postman has no equivalent for, or only a partial one. */
  notes: string[];
  /** Set when a step needs a script Postman would have to run (the placeholder's name). */
  placeholder?: string;
};

type Param = { key: string; value: string | boolean; type: string };

const param = (key: string, value: string | boolean): Param => ({ key, value, type: typeof value === 'boolean' ? 'boolean' : 'string' });

/** The custom schemes by the name the user knows them by. */
const CUSTOM: Partial<Record<AuthStep['type'], string>> = {
  'paynet-signature': 'PayNet X-Timestamp/X-Signature',
  'hmac-fields': 'field HMAC (CENTAGATE-style)',
  momo: 'MTN MoMo (subscription key, token from Basic, X-Reference-Id)',
};

function oauth1(step: Extract<AuthStep, { type: 'oauth1' }>, t: TemplateMapper, notes: string[]): pm.RequestAuthDefinition {
  const rsa = step.signatureMethod.startsWith('RSA-');
  const params: Param[] = [param('signatureMethod', step.signatureMethod), param('consumerKey', t.text(step.consumerKey))];
  if (!rsa && step.consumerSecret !== undefined) params.push(param('consumerSecret', t.text(step.consumerSecret)));
  if (rsa && step.privateKey !== undefined) params.push(param('privateKey', t.text(step.privateKey)));
  if (step.token !== undefined) params.push(param('token', t.text(step.token)));
  if (step.tokenSecret !== undefined) params.push(param('tokenSecret', t.text(step.tokenSecret)));
  if (step.realm !== undefined) params.push(param('realm', t.text(step.realm)));
  if (step.nonce !== undefined) params.push(param('nonce', t.text(step.nonce)));
  if (step.timestamp !== undefined) params.push(param('timestamp', t.text(step.timestamp)));
  params.push(param('version', step.includeVersion ? '1.0' : ''), param('addParamsToHeader', !step.oauthParamsInBody), param('addEmptyParamsToSign', false));
  if (step.oauthParamsInBody) {
    notes.push('OAuth 1.0: Countersign sends the oauth_* parameters in both the Authorization header and the form body (Elecsnet-style gateways want both); Postman sends them in one place (here the body), so such a gateway refuses the request from Postman.');
  }
  if (rsa && step.privateKeyPassphrase !== undefined) notes.push('OAuth 1.0: the private key has a passphrase, which Postman cannot use: give it an unencrypted key.');
  return { type: 'oauth1', oauth1: params };
}

function oauth2(step: Extract<AuthStep, { type: 'oauth2-client-credentials' }>, t: TemplateMapper, notes: string[]): pm.RequestAuthDefinition {
  const params: Param[] = [
    param('grant_type', 'client_credentials'),
    param('accessTokenUrl', t.text(step.tokenUrl)),
    param('clientId', t.text(step.clientId)),
    param('clientSecret', t.text(step.clientSecret)),
    param('client_authentication', step.clientAuth === 'basic' ? 'header' : 'body'),
    param('addTokenTo', 'header'),
  ];
  if (step.scope !== undefined) params.push(param('scope', t.text(step.scope)));
  notes.push('OAuth 2.0 client credentials: Postman fetches the token with "Get New Access Token"; newman does not fetch one, so a newman run needs the token request first.');
  if (step.extraHeaders !== undefined && step.extraHeaders.length > 0) notes.push('OAuth 2.0: the extra headers of the token request are not exported (Postman has no place for them).');
  return { type: 'oauth2', oauth2: params };
}

/** A step Postman can carry as its auth block, or null. */
function primary(step: AuthStep, t: TemplateMapper, notes: string[]): pm.RequestAuthDefinition | null {
  switch (step.type) {
    case 'basic':
      return { type: 'basic', basic: [param('username', t.text(step.username)), param('password', t.text(step.password))] };
    case 'bearer':
      return { type: 'bearer', bearer: [param('token', t.text(step.token))] };
    case 'api-key':
      return { type: 'apikey', apikey: [param('key', step.name), param('value', t.text(step.value)), param('in', step.in)] };
    case 'oauth1':
      return oauth1(step, t, notes);
    case 'oauth2-client-credentials':
      return oauth2(step, t, notes);
    default:
      return null;
  }
}

/**
 * Postman has one auth block per item: the first step it knows takes it, a
 * later API key becomes a plain header or query parameter (which is all it
 * is), and anything else is named in the notes and the placeholder.
 */
export function postmanAuth(setting: AuthSetting, t: TemplateMapper): PostmanAuthParts {
  const parts: PostmanAuthParts = { headers: [], query: [], notes: [] };
  if (setting.mode === 'inherit') return parts;
  if (setting.mode === 'none') return { ...parts, auth: { type: 'noauth' } };
  const custom: string[] = [];
  for (const step of setting.steps) {
    const custom1 = CUSTOM[step.type];
    if (custom1 !== undefined) {
      custom.push(custom1);
      continue;
    }
    if (parts.auth === undefined) {
      const mapped = primary(step, t, parts.notes);
      if (mapped) {
        parts.auth = mapped;
        continue;
      }
    }
    if (step.type === 'api-key') {
      (step.in === 'header' ? parts.headers : parts.query).push({ name: step.name, value: t.text(step.value), enabled: true });
      continue;
    }
    parts.notes.push(`${step.type}: only one auth scheme per request fits in Postman; this one was left out.`);
  }
  if (custom.length > 0) {
    // The secrets these steps use are still declared, so whoever writes the script finds them.
    for (const step of setting.steps) if (CUSTOM[step.type] !== undefined) t.text(JSON.stringify(step));
    parts.placeholder = custom.join(' + ');
    parts.notes.push(`${parts.placeholder}: Postman cannot compute this without a script. The pre-request script "Countersign placeholder" marks where one would go; until then send this request from Countersign.`);
  }
  if (parts.auth === undefined) parts.auth = { type: 'noauth' };
  return parts;
}
