import { encodedForms } from '../../core/redactor.ts';
import type { RedirectHopRequest, SignedRequest } from '../../http/index.ts';

/** A vault secret a send read, with its value (main only). */
export type UsedSecret = { environment: string; name: string; value: string };

/** Texts of the request that go on the wire, by where they are. */
type Parts = { url: string; headers: ReadonlyArray<readonly [string, string]>; body: string };

function partsOf(request: SignedRequest): Parts {
  const body = request.body == null ? '' : typeof request.body === 'string' ? request.body : Buffer.from(request.body).toString('latin1');
  return { url: request.url, headers: request.headers, body };
}

/** Every text to look in, with what Basic credentials hide decoded (user:secret in one base64 run). */
function haystacks(parts: Parts): string[] {
  const texts = [parts.url, parts.body];
  for (const [name, value] of parts.headers) {
    texts.push(value);
    const basic = /^\s*basic\s+([A-Za-z0-9+/=_-]+)\s*$/i.exec(value);
    if (name.toLowerCase() === 'authorization' && basic?.[1]) texts.push(Buffer.from(basic[1], 'base64').toString('utf8'));
    // Proxy-Authorization and custom headers may carry Basic too.
    if (basic?.[1] && name.toLowerCase() !== 'authorization') texts.push(Buffer.from(basic[1], 'base64').toString('utf8'));
  }
  return texts;
}

function carriedIn(texts: readonly string[], used: readonly UsedSecret[]): UsedSecret[] {
  return used.filter((secret) => {
    // Values too short for the redactor's forms are still looked for as typed: a refusal too many beats a leak.
    const forms = secret.value === '' ? [] : [secret.value, ...encodedForms(secret.value)];
    return forms.some((form) => texts.some((text) => text.includes(form)));
  });
}

/** The vault secrets whose value, in any encoded form, the request carries in its URL, headers or body. */
export function secretsCarried(request: SignedRequest, used: readonly UsedSecret[]): UsedSecret[] {
  return carriedIn(haystacks(partsOf(request)), used);
}

/** The secrets a redirect hop would carry on: in its target URL, in the headers it forwards, in the body if it is sent again. */
export function secretsOnHop(request: SignedRequest, hop: RedirectHopRequest, used: readonly UsedSecret[]): UsedSecret[] {
  const parts = partsOf(request);
  const forwarded = new Set(hop.forwardsHeaders.map((name) => name.toLowerCase()));
  return carriedIn(
    haystacks({ url: hop.to, headers: parts.headers.filter(([name]) => forwarded.has(name.toLowerCase())), body: hop.forwardsBody ? parts.body : '' }),
    used,
  );
}
