import type { AuthStep } from '../../contract/auth.ts';
import type { AuthSetting } from '../../contract/workspace.ts';
import { slug } from '../exchange/secret-names.ts';
import { secretTemplate } from '../secret-fields.ts';
import { arr, entries, obj, str, type Json } from './json-reading.ts';

/** What the security schemes need from each environment: variables (filled by the user) and vault names. */
export type AuthNeeds = { variables: Set<string>; secrets: Set<string>; warnings: string[] };

/**
 * Maps OpenAPI security to Countersign auth: API key (header or query),
 * HTTP bearer and basic, OAuth 2.0 client credentials. Values are never
 * in a spec: secrets become vault names (`{{secret:…}}`), ids become
 * environment variables. Anything else is reported once and left out.
 */
export function createSecurityMapper(document: Json, collectionSlug: string, needs: AuthNeeds) {
  const schemes = obj(obj(document.components)?.securitySchemes) ?? {};
  const reported = new Set<string>();
  const report = (name: string, why: string) => {
    if (reported.has(name)) return;
    reported.add(name);
    needs.warnings.push(`Security scheme "${name}" ${why}; requests that need it were imported without it.`);
  };

  const stepFor = (name: string, scopes: string[]): AuthStep | null => {
    const scheme = obj(schemes[name]);
    if (!scheme) {
      report(name, 'is not defined in components.securitySchemes');
      return null;
    }
    const key = slug(name, 'auth');
    const secretName = (field: string) => {
      const full = `${collectionSlug}.${key}${field === '' ? '' : `_${field}`}`;
      needs.secrets.add(full);
      return secretTemplate(full);
    };
    const variable = (field: string) => {
      const full = `${key}_${field}`;
      needs.variables.add(full);
      return `{{${full}}}`;
    };
    const type = str(scheme.type);
    if (type === 'apiKey') {
      const where = str(scheme.in);
      const header = str(scheme.name) ?? 'X-API-Key';
      if (where === 'header' || where === 'query') return { type: 'api-key', in: where, name: header, value: secretName('') };
      report(name, `sends its API key in a ${where ?? 'place Countersign does not know'} (only header and query are supported)`);
      return null;
    }
    if (type === 'http') {
      const httpScheme = (str(scheme.scheme) ?? '').toLowerCase();
      if (httpScheme === 'bearer') return { type: 'bearer', token: secretName('token') };
      if (httpScheme === 'basic') return { type: 'basic', username: variable('username'), password: secretName('password') };
      report(name, `uses HTTP ${httpScheme || '(no scheme)'} authentication, which Countersign does not make`);
      return null;
    }
    if (type === 'oauth2') {
      const flow = obj(obj(scheme.flows)?.clientCredentials);
      const tokenUrl = str(flow?.tokenUrl);
      if (!flow || tokenUrl === undefined) {
        report(name, 'is OAuth 2.0 without a client-credentials flow (authorization code, implicit and password flows need a person at a browser)');
        return null;
      }
      return {
        type: 'oauth2-client-credentials',
        tokenUrl: absoluteOrTemplated(tokenUrl),
        clientId: variable('client_id'),
        clientSecret: secretName('client_secret'),
        clientAuth: 'body',
        ...(scopes.length > 0 ? { scope: scopes.join(' ') } : {}),
      };
    }
    report(name, type === 'openIdConnect' ? 'is OpenID Connect, which Countersign does not make' : type === 'mutualTLS' ? 'is mutual TLS: set the client certificate in the environment\'s network settings instead' : `has the type ${type ?? '(none)'}, which Countersign does not know`);
    return null;
  };

  /** The first alternative of a `security` list whose every scheme maps; `[]` or `{}` means no auth. */
  return (security: unknown): AuthSetting => {
    const alternatives = arr(security);
    if (alternatives.length === 0) return { mode: 'none' };
    for (const alternative of alternatives) {
      const required = entries(alternative);
      if (required.length === 0) return { mode: 'none' };
      const steps = required.map(([name, scopes]) => stepFor(name, arr(scopes).filter((scope): scope is string => typeof scope === 'string')));
      if (steps.every((step) => step !== null)) return { mode: 'chain', steps: steps.filter((step): step is AuthStep => step !== null) };
    }
    return { mode: 'none' };
  };
}

/** A relative token URL is relative to the server: `{{baseUrl}}` stands for it in every environment. */
function absoluteOrTemplated(url: string): string {
  if (/^https?:\/\//i.test(url)) return url;
  return `{{baseUrl}}/${url.replace(/^\/+/, '')}`;
}
