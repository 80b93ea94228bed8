import { Redactor } from '../core/redactor.ts';
import type { CurlBodyArgument } from './curl-body.ts';

export type CurlRequest = {
  method: string;
  url: string;
  headers: readonly (readonly [string, string])[];
  /** The body exactly as sent (a form body already encoded), or null. */
  body: string | null;
  /** A multipart or binary-file body, as curl options that read the files themselves (instead of body). */
  fileArgs?: readonly CurlBodyArgument[];
};

/** POSIX single quoting: everything is literal inside '…', and a quote itself is closed, escaped and reopened. */
export function shellQuote(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}

/** A curl command line, one option per line, that sends the given request byte for byte. */
export function buildCurlCommand(request: CurlRequest): string {
  const parts = [`curl -X ${shellQuote(request.method)} ${shellQuote(request.url)}`];
  for (const [name, value] of request.headers) parts.push(`-H ${shellQuote(`${name}: ${value}`)}`);
  if (request.body !== null && request.body !== '') parts.push(`--data-raw ${shellQuote(request.body)}`);
  for (const arg of request.fileArgs ?? []) parts.push(`${arg.option} ${shellQuote(arg.value)}`);
  return parts.join(' \\\n  ');
}

export const GENERIC_SECRET_PLACEHOLDER = '<secret>';
export const secretPlaceholder = (name: string): string => `<secret:${name}>`;

/**
 * Replaces secrets in one piece of the request before it is quoted: vault
 * values by their name (in every encoded form a signer may use), then
 * anything else the send's redactor knows to be secret (tokens, derived
 * credentials) by a generic placeholder.
 */
export function placeholderReplacer(named: ReadonlyMap<string, string>, redactor: Redactor): (text: string) => string {
  // Longest value first, so a secret that contains another is replaced whole.
  const byName = [...named]
    .sort(([, a], [, b]) => b.length - a.length)
    .map(([name, value]) => ({ placeholder: secretPlaceholder(name), redactor: new Redactor().add(value) }));
  return (text) => {
    let out = text;
    for (const { placeholder, redactor: one } of byName) out = one.redactText(out, placeholder);
    return redactor.redactText(out, GENERIC_SECRET_PLACEHOLDER);
  };
}

/** The request with every secret replaced, ready for buildCurlCommand. */
export function withPlaceholders(request: CurlRequest, replace: (text: string) => string): CurlRequest {
  return {
    method: request.method,
    url: replace(request.url),
    headers: request.headers.map(([name, value]) => [name, replace(value)] as const),
    body: request.body === null ? null : replace(request.body),
    ...(request.fileArgs ? { fileArgs: request.fileArgs.map((arg) => ({ option: arg.option, value: replace(arg.value) })) } : {}),
  };
}
