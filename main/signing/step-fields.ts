import type { AuthStep } from '../contract/auth.ts';

/** What one auth step reads: its label for messages, and each field it uses with why. */
export type StepUse = { readonly label: string; readonly fields: Readonly<Record<string, string>> };

const RSA = new Set(['RSA-SHA1', 'RSA-SHA256']);

/**
 * The fields a step actually uses, so a step never fails on a secret it does
 * not need (a MoMo provisioning call has no API key yet: that call makes it).
 * Fields not listed are left unresolved. Reasons finish the sentence
 * "step X needs Y to ...".
 */
export function stepUse(step: AuthStep): StepUse {
  switch (step.type) {
    case 'oauth2-client-credentials': {
      const token = 'request an access token';
      return {
        label: 'OAuth 2.0 client credentials',
        fields: { tokenUrl: 'know where to request an access token', clientId: token, clientSecret: token, scope: token, extraHeaders: token },
      };
    }
    case 'paynet-signature':
      return { label: 'PayNet X-Signature', fields: { clientSecret: 'compute X-Signature' } };
    case 'hmac-fields':
      return {
        label: 'HMAC over fields',
        fields: { key: 'compute the HMAC', parts: 'build the string to sign', output: 'place the HMAC', timestampField: 'fill the timestamp field' },
      };
    case 'oauth1': {
      const sign = `compute the ${step.signatureMethod} signature`;
      const rsa = RSA.has(step.signatureMethod);
      return {
        label: `OAuth 1.0a (${step.signatureMethod})`,
        fields: {
          consumerKey: 'send oauth_consumer_key',
          token: 'send oauth_token',
          realm: 'send the realm',
          nonce: 'send oauth_nonce',
          timestamp: 'send oauth_timestamp',
          ...(rsa ? { privateKey: sign, privateKeyPassphrase: 'open the private key' } : { consumerSecret: sign, tokenSecret: sign }),
        },
      };
    }
    case 'momo': {
      const base = { subscriptionKey: 'send Ocp-Apim-Subscription-Key', targetEnvironment: 'send X-Target-Environment' };
      if (!step.useToken) return { label: 'MoMo (no token)', fields: base };
      const token = 'request an access token';
      return {
        label: 'MoMo (token)',
        fields: { ...base, apiUser: token, apiKey: token, tokenPath: 'find the token URL', baseUrl: 'find the token URL' },
      };
    }
    case 'api-key':
      return { label: `API key (${step.in})`, fields: { name: 'name the API key', value: 'send the API key' } };
    case 'basic':
      return { label: 'Basic', fields: { username: 'send Basic credentials', password: 'send Basic credentials' } };
    case 'bearer':
      return { label: 'Bearer', fields: { token: 'send the bearer token' } };
  }
}
