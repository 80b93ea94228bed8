import { buildBaseString } from '../signing/oauth1-base-string.ts';
import { percentDecode } from '../signing/percent-encode.ts';
import type { FormPair } from '../signing/types.ts';
import { rawHeader, type RawRequest } from './expected.ts';
import type { SigningStep } from './replay.ts';

/** `OAuth k="v", …` → decoded pairs, without realm and the signature itself. */
function oauthHeaderParams(authorization: string | undefined): FormPair[] {
  if (authorization === undefined || !/^OAuth\s/i.test(authorization)) return [];
  return [...authorization.slice(6).matchAll(/([A-Za-z0-9_.~%-]+)\s*=\s*"([^"]*)"/g)]
    .map((m) => ({ name: percentDecode(m[1] ?? ''), value: percentDecode(m[2] ?? '') }))
    .filter((p) => p.name !== 'realm' && p.name !== 'oauth_signature');
}

/**
 * The string the gateway should have signed, rebuilt from a raw request as it
 * arrived there (its log): what the request looked like on the gateway's side
 * of any proxy. Undefined when the raw request lacks what the scheme needs.
 */
export function baseStringFromRaw(raw: RawRequest, signing: SigningStep, sentUrl: string): string | undefined {
  switch (signing.kind) {
    case 'oauth1': {
      const sent = new URL(sentUrl);
      const host = rawHeader(raw, 'host') ?? sent.host;
      const target = raw.target.startsWith('http') ? raw.target : `${sent.protocol}//${host}${raw.target}`;
      const form = (rawHeader(raw, 'content-type') ?? '').includes('application/x-www-form-urlencoded');
      const body = form ? [...new URLSearchParams(raw.body)].map(([name, value]) => ({ name, value })).filter((p) => p.name !== 'oauth_signature') : [];
      // The oauth_* parameters count once when the body repeats them (Elecsnet), as the gateway counts them.
      const inBody = new Set(body.map((p) => p.name));
      const oauth = oauthHeaderParams(rawHeader(raw, 'authorization')).filter((p) => !inBody.has(p.name));
      return buildBaseString(raw.method, target, { kind: 'form', pairs: body }, oauth).baseString;
    }
    case 'paynet':
      return rawHeader(raw, 'x-timestamp');
    case 'fields': {
      let json: unknown;
      try {
        json = JSON.parse(raw.body);
      } catch {
        return undefined;
      }
      if (json === null || typeof json !== 'object' || Array.isArray(json)) return undefined;
      const fields = json as Record<string, unknown>;
      return signing.step.parts
        .map((part) => {
          if (part.kind === 'literal') return part.value;
          if (part.kind === 'variable') return part.template;
          const value = fields[part.name];
          return value === undefined || value === null ? '' : typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : JSON.stringify(value);
        })
        .join('');
    }
  }
}
