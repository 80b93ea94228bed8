import type { CompareExpected, CompareReport, Difference } from '../contract/auth.ts';
import type { BaseStringParts, ParamSource } from './oauth1-base-string.ts';
import { percentDecode } from './percent-encode.ts';
import type { ComparableOAuth1, ComparableString, SignedString } from './types.ts';

type ParsedBase = { method: string; uri: string; params: [string, string][]; paramsText: string };

/** Splits `METHOD&URI&PARAMS` (each encoded) and the once-encoded params into name/value pairs. */
export function parseBaseString(baseString: string): ParsedBase | undefined {
  const parts = baseString.trim().split('&');
  if (parts.length !== 3) return undefined;
  const [method = '', uri = '', params = ''] = parts;
  const paramsText = percentDecode(params);
  const pairs: [string, string][] = paramsText === '' ? [] : paramsText.split('&').map((kv) => {
    const at = kv.indexOf('=');
    return at === -1 ? [kv, ''] : [kv.slice(0, at), kv.slice(at + 1)];
  });
  return { method: percentDecode(method), uri: percentDecode(uri), params: pairs, paramsText };
}

function group(pairs: readonly (readonly [string, string])[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [name, value] of pairs) out.set(name, [...(out.get(name) ?? []), value]);
  return out;
}

const sourceHint: Record<ParamSource, string> = {
  query: 'it comes from the URL query string',
  body: 'it comes from the form body: does the gateway sign the body parameters?',
  oauth: 'an oauth_* parameter we send',
};

function uriHint(expected: string, actual: string): string {
  try {
    const e = new URL(expected);
    const a = new URL(actual);
    if (e.search !== '') return 'the expected URI keeps a query string; RFC 5849 moves it into the parameters';
    if (e.protocol !== a.protocol) return 'the scheme differs (http vs https)';
    if (e.hostname !== a.hostname) return 'the host differs (letter case or name)';
    if (e.port !== a.port) return 'the port differs: default ports are left out';
    if (e.pathname.toLowerCase() === a.pathname.toLowerCase()) return 'the path differs in letter case';
    if (e.pathname.replace(/\/$/, '') === a.pathname.replace(/\/$/, '')) return 'a trailing slash differs';
    return 'the path differs';
  } catch {
    return expected.toLowerCase() === actual.toLowerCase() ? 'letter case differs' : 'the URL differs';
  }
}

function compareParams(expected: ParsedBase, actual: BaseStringParts, out: Difference[]): void {
  const actualPairs = actual.normalizedParams === '' ? [] : actual.normalizedParams.split('&').map((kv) => {
    const at = kv.indexOf('=');
    return [kv.slice(0, at), kv.slice(at + 1)] as const;
  });
  const sources = new Map(actual.params.map((p) => [p.name, p.source]));
  const exp = group(expected.params);
  const act = group(actualPairs);
  for (const name of new Set([...exp.keys(), ...act.keys()])) {
    const e = exp.get(name) ?? [];
    const a = act.get(name) ?? [];
    const decodedName = percentDecode(name);
    if (a.length === 0) {
      out.push({ component: `parameter ${decodedName}`, expected: e.join(', '), actual: '(absent)', hint: 'the gateway signed a parameter this request does not have' });
    } else if (e.length === 0) {
      const source = sources.get(decodedName);
      const hint = name === 'oauth_version' ? 'the gateway signs without oauth_version' : source === undefined ? undefined : sourceHint[source];
      out.push({ component: `parameter ${decodedName}`, expected: '(absent)', actual: a.join(', '), ...(hint === undefined ? {} : { hint }) });
    } else if ([...e].sort().join('&') !== [...a].sort().join('&')) {
      const sameDecoded = e.map(decodeForm).sort().join('&') === a.map(decodeForm).sort().join('&');
      const hint = sameDecoded
        ? "same value, different percent-encoding (e.g. '+' for a space, lower-case hex, or an unencoded reserved character)"
        : name === 'oauth_nonce' || name === 'oauth_timestamp'
          ? 'set the nonce and timestamp to the values the original request used'
          : e.length !== a.length
            ? 'the parameter repeats a different number of times'
            : undefined;
      out.push({
        component: sameDecoded ? `encoding of ${decodedName}` : `parameter ${decodedName}`,
        expected: e.join(', '),
        actual: a.join(', '),
        ...(hint === undefined ? {} : { hint }),
      });
    }
  }
  if (out.length === 0 && expected.paramsText !== actual.normalizedParams) {
    out.push({
      component: 'parameter order',
      expected: expected.paramsText,
      actual: actual.normalizedParams,
      hint: 'the same parameters in a different order: they must be sorted by encoded name, then value',
    });
  }
}

function decodeForm(value: string): string {
  return percentDecode(value.replace(/\+/g, '%20'));
}

const SIGNATURE_IN_HEADER = /oauth_signature="([^"]*)"/;

/**
 * Accepts a signature as base64, percent-encoded base64, hex, or a whole
 * pasted `Authorization: OAuth ...` header, and gives base64.
 */
export function normalizeSignature(text: string): string {
  const inHeader = SIGNATURE_IN_HEADER.exec(text)?.[1];
  let value = (inHeader ?? text).trim().replace(/^"|"$/g, '');
  if (value.includes('%')) value = percentDecode(value);
  if (/^[0-9a-fA-F]+$/.test(value) && value.length % 2 === 0 && value.length >= 32) {
    return Buffer.from(value, 'hex').toString('base64');
  }
  return value;
}

/**
 * OAuth 1.0a compare mode: given the base string and/or signature the gateway
 * expected (Elecsnet's debug form shows both), says which component differs.
 */
export function compareOAuth1(actual: Omit<ComparableOAuth1, 'kind'>, expected: CompareExpected): CompareReport {
  const differences: Difference[] = [];
  let baseMatches: boolean | undefined;
  if (expected.baseString !== undefined && expected.baseString.trim() !== '') {
    const parsed = parseBaseString(expected.baseString);
    if (parsed === undefined) {
      differences.push({
        component: 'base string format',
        expected: expected.baseString,
        actual: actual.base.baseString,
        hint: "a base string has three '&'-separated parts (method, URL, parameters), each percent-encoded; the parameters may have been encoded only once",
      });
    } else {
      const baseDiffs: Difference[] = [];
      if (parsed.method !== actual.base.method) {
        baseDiffs.push({ component: 'method', expected: parsed.method, actual: actual.base.method });
      }
      if (parsed.uri !== actual.base.baseUri) {
        baseDiffs.push({ component: 'URL', expected: parsed.uri, actual: actual.base.baseUri, hint: uriHint(parsed.uri, actual.base.baseUri) });
      }
      compareParams(parsed, actual.base, baseDiffs);
      if (baseDiffs.length === 0 && expected.baseString.trim() !== actual.base.baseString) {
        baseDiffs.push({
          component: 'base string encoding',
          expected: expected.baseString.trim(),
          actual: actual.base.baseString,
          hint: 'the same components, encoded differently (upper-case hex, every part encoded once more)',
        });
      }
      baseMatches = baseDiffs.length === 0;
      differences.push(...baseDiffs);
    }
  }
  if (expected.signature !== undefined && expected.signature.trim() !== '') {
    const want = normalizeSignature(expected.signature);
    if (want !== actual.signature) {
      const explained = actual.variants?.().find((v) => v.signature === want);
      differences.push({
        component: 'signature',
        expected: want,
        actual: actual.signature,
        hint:
          explained !== undefined
            ? `the expected signature is what you get when ${explained.description}`
            : baseMatches === true
              ? "the base strings match, so the key differs: check the consumer secret, the '&' after it, the token secret or the private key"
              : baseMatches === false
                ? 'the base strings differ (see above); fix those first'
                : 'no common deviation explains it: paste the expected base string as well to see which component differs',
      });
    }
  }
  const matches = differences.length === 0;
  return {
    matches,
    differences,
    summary: matches
      ? 'Everything given matches this request.'
      : `${differences.length} difference${differences.length === 1 ? '' : 's'}: ${differences.map((d) => d.component).join(', ')}.`,
  };
}

/**
 * Compare mode for a plain string to sign (PayNet, fields HMAC): where the
 * first difference is and, when the parts are known, which part it falls in.
 */
export function compareStringToSign(
  expected: string,
  actual: string,
  parts?: readonly { readonly label: string; readonly text: string }[],
): CompareReport {
  if (expected === actual) return { matches: true, differences: [], summary: 'The strings to sign match.' };
  let at = 0;
  while (at < expected.length && at < actual.length && expected[at] === actual[at]) at++;
  let component = `character ${at + 1}`;
  if (parts !== undefined) {
    let offset = 0;
    for (const part of parts) {
      if (at < offset + part.text.length || (part.text.length === 0 && at === offset)) {
        component = `part ${part.label} (character ${at + 1})`;
        break;
      }
      offset += part.text.length;
    }
  }
  const around = (s: string): string => s.slice(Math.max(0, at - 10), at + 20);
  return {
    matches: false,
    differences: [{ component, expected: around(expected), actual: around(actual), hint: `the first ${at} characters agree` }],
    summary: `The strings to sign differ from ${component}.`,
  };
}

/** Compare mode for string-to-sign schemes: `baseString` is the expected string to sign. */
export function compareSignedString(actual: ComparableString, expected: CompareExpected): CompareReport {
  const differences: Difference[] = [];
  const variants = (): readonly (SignedString & { description: string })[] => actual.variants?.() ?? [];
  let stringMatches: boolean | undefined;
  if (expected.baseString !== undefined && expected.baseString !== '') {
    const report = compareStringToSign(expected.baseString, actual.stringToSign, actual.parts);
    stringMatches = report.matches;
    const explained = report.matches ? undefined : variants().find((v) => v.stringToSign === expected.baseString);
    differences.push(
      ...report.differences.map((d) => (explained === undefined ? d : { ...d, hint: `the expected string is what you get when ${explained.description}` })),
    );
  }
  if (expected.signature !== undefined && expected.signature.trim() !== '') {
    const want = percentDecode(expected.signature.trim());
    const matchesSigned = (s: SignedString): boolean => want.toLowerCase() === s.signatureHex || want === s.signatureBase64;
    if (!matchesSigned(actual)) {
      const explained = variants().find(matchesSigned);
      differences.push({
        component: 'signature',
        expected: want,
        actual: /^[0-9a-fA-F]+$/.test(want) ? actual.signatureHex : actual.signatureBase64,
        hint:
          explained !== undefined
            ? `the expected signature is what you get when ${explained.description}`
            : stringMatches === true
              ? 'the strings to sign match, so the key or the algorithm differs'
              : stringMatches === false
                ? 'the strings to sign differ (see above); fix that first'
                : 'paste the expected string to sign as well to see which part differs',
      });
    }
  }
  const matches = differences.length === 0;
  return {
    matches,
    differences,
    summary: matches ? 'Everything given matches this request.' : `Differs in: ${differences.map((d) => d.component).join(', ')}.`,
  };
}
