import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { authSchemesChannels } from '../../../main/contract/auth-schemes.ts';
import { AuthStep } from '../../../main/contract/auth.ts';
import { createAuthSchemesHandlers } from '../../../main/services/auth-schemes-handlers.ts';
import { describeSchemes } from '../../../main/signing/schemes/describe.ts';
import { SCHEMES } from '../../../main/signing/schemes/index.ts';
import { SECRET_FIELDS } from '../../../main/workspace/secret-fields.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));

function sourcesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourcesUnder(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('the auth scheme registry', () => {
  it('has one module per scheme of the contract, holding that scheme’s contract schema', () => {
    const contractTypes = AuthStep.options.map((option) => option.shape.type.value);
    expect(Object.keys(SCHEMES).sort()).toEqual([...contractTypes].sort());
    for (const option of AuthStep.options) {
      const scheme = SCHEMES[option.shape.type.value];
      expect(scheme.type).toBe(option.shape.type.value);
      expect(scheme.schema).toBe(option);
    }
  });

  it('starts every new step as a valid step of its scheme', () => {
    for (const scheme of Object.values(SCHEMES)) {
      expect(AuthStep.parse(scheme.initial)).toEqual(scheme.initial);
    }
  });

  it('describes each field from its schema: kind, options, defaults, whether it may be absent', () => {
    const oauth1 = describeSchemes().find((scheme) => scheme.type === 'oauth1');
    const field = (key: string) => oauth1?.fields.find((f) => f.key === key);
    expect(field('signatureMethod')).toMatchObject({ kind: 'select', options: ['HMAC-SHA1', 'HMAC-SHA256', 'RSA-SHA1', 'RSA-SHA256', 'PLAINTEXT'], optional: false });
    expect(field('consumerSecret')).toMatchObject({ kind: 'secret', secret: 'text', optional: true });
    expect(field('privateKey')).toMatchObject({ kind: 'secret', secret: 'rsa_private_key' });
    expect(field('includeVersion')).toMatchObject({ kind: 'boolean', default: true });
    // realm="" means something (Elecsnet): emptied, it stays.
    expect(field('realm')).toMatchObject({ kind: 'text', optional: false });
    const hmac = describeSchemes().find((scheme) => scheme.type === 'hmac-fields');
    expect(hmac?.fields.find((f) => f.key === 'parts')?.kind).toBe('json');
  });

  it('marks as secret exactly the fields the workspace keeps out of saved files (the workspace reads them from the registry)', () => {
    for (const scheme of describeSchemes()) {
      const described = scheme.fields.filter((f) => f.kind === 'secret').map((f) => [f.key, f.secret]);
      expect(described, scheme.type).toEqual(SECRET_FIELDS[scheme.type].map(([key, kind]) => [key, kind]));
    }
    // Pinned: a secret field that lost its marker would be written into workspace files in the clear.
    expect(SECRET_FIELDS).toEqual({
      'oauth2-client-credentials': [['clientSecret', 'text']],
      'paynet-signature': [['clientSecret', 'text']],
      'hmac-fields': [['key', 'text']],
      oauth1: [
        ['consumerSecret', 'text'],
        ['tokenSecret', 'text'],
        ['privateKey', 'rsa_private_key'],
        ['privateKeyPassphrase', 'passphrase'],
      ],
      momo: [
        ['subscriptionKey', 'text'],
        ['apiKey', 'text'],
      ],
      'api-key': [['value', 'text']],
      basic: [['password', 'text']],
      bearer: [['token', 'text']],
    });
  });

  it('answers auth:schemes with data the contract accepts, labels included', () => {
    // The handler reads neither its input nor who calls.
    const handler = createAuthSchemesHandlers()['auth:schemes'] as () => unknown;
    const answer = authSchemesChannels['auth:schemes'].output.parse(handler());
    expect(answer.schemes.map((s) => s.label)).toContain('PayNet signature headers');
    expect(answer.schemes.find((s) => s.type === 'basic')?.fields.map((f) => f.label)).toEqual(['Username', 'Password']);
  });

  it('is the only place the editor’s fields are written: the renderer’s auth editor holds none of their labels', () => {
    const files = sourcesUnder(join(root, 'renderer/src/pages/workbench')).map((path) => ({ path, text: readFileSync(path, 'utf8') }));
    const quoted = describeSchemes().flatMap((scheme) => [scheme.label, ...scheme.fields.map((field) => field.label)]).map((label) => `'${label}'`);
    const offenders = files.flatMap(({ path, text }) => quoted.filter((label) => text.includes(label)).map((label) => `${path}: ${label}`));
    expect(offenders).toEqual([]);
  });
});
