/**
 * OAuth 1.0a signature base string (RFC 5849 §3.4.1), written here on purpose
 * rather than shared with the app's signer, so one bug cannot pass on both
 * sides. Like the Elecsnet seed's C# sample, each OAuth parameter counts once
 * even though it is sent both in the header and in the body.
 */
import type { Param } from './form-params.ts';

/** RFC 3986 unreserved characters stay; everything else is %XX of its UTF-8 bytes. */
export function rfc3986Encode(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** How the parameters are encoded: RFC 3986, or (test faults only) a space as "+" or everything encoded twice. */
export type ParameterEncoding = 'rfc3986' | 'plus-for-space' | 'double';

const ENCODERS: Record<ParameterEncoding, (text: string) => string> = {
  rfc3986: rfc3986Encode,
  'plus-for-space': (text) => rfc3986Encode(text).replace(/%20/g, '+'),
  double: (text) => rfc3986Encode(rfc3986Encode(text)),
};

export function normalizeParameters(params: readonly Param[], encoding: ParameterEncoding = 'rfc3986'): string {
  const encode = ENCODERS[encoding];
  return params
    .map(([name, value]) => [encode(name), encode(value)] as const)
    .sort(([nameA, valueA], [nameB, valueB]) => (nameA === nameB ? compare(valueA, valueB) : compare(nameA, nameB)))
    .map(([name, value]) => `${name}=${value}`)
    .join('&');
}

function compare(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/** scheme://host[:port]/path, lower-case scheme and host, default port dropped. */
export function baseStringUri(scheme: 'http' | 'https', hostHeader: string, path: string): string {
  const host = hostHeader.toLowerCase();
  const defaultPort = scheme === 'http' ? ':80' : ':443';
  return `${scheme}://${host.endsWith(defaultPort) ? host.slice(0, -defaultPort.length) : host}${path}`;
}

export function signatureBaseString(method: string, uri: string, normalizedParameters: string): string {
  return `${method.toUpperCase()}&${rfc3986Encode(uri)}&${rfc3986Encode(normalizedParameters)}`;
}
