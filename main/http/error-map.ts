import type { HttpError } from '../contract/http.ts';
import { CertificateRejectedError, certificateInfo } from './certificate.ts';
import { describeVerifyCode } from './connector.ts';
import { ClientCertificateError, DownloadFileError, InvalidRequestError, RedirectRefusedError, TooLargeForPreviewError } from './failures.ts';

export interface ErrorContext {
  /** The URL being fetched when it failed (no credentials in it). */
  url: URL;
  /** The proxy in use for this URL, if any. */
  proxy: URL | null;
  /** True when the caller's AbortSignal fired. */
  aborted: boolean;
  /** Whether a client certificate was offered (a TLS 1.3 server that wants one just hangs up). */
  clientCertificate: boolean;
}

interface Described {
  name?: unknown;
  code?: unknown;
  message?: unknown;
  cause?: unknown;
  errors?: unknown;
  address?: unknown;
  port?: unknown;
  hostname?: unknown;
  cert?: unknown;
}

/** The error and everything it wraps (cause chains, AggregateError members). */
function chain(err: unknown): Described[] {
  const out: Described[] = [];
  const queue: unknown[] = [err];
  while (queue.length > 0 && out.length < 16) {
    const next = queue.shift();
    if (typeof next !== 'object' || next === null) continue;
    const item = next as Described;
    out.push(item);
    if (item.cause !== undefined) queue.push(item.cause);
    if (Array.isArray(item.errors)) queue.push(...(item.errors as unknown[]));
  }
  return out;
}

function codes(items: Described[]): string[] {
  return items.map((i) => (typeof i.code === 'string' ? i.code : '')).filter((c) => c !== '');
}

const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EAI_NODATA', 'EAI_FAIL']);
const RESET_CODES = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED']);
const TLS_CODE = /^(ERR_TLS_|ERR_SSL_|CERT_|DEPTH_ZERO|SELF_SIGNED|UNABLE_TO_|HOSTNAME_MISMATCH|ERR_OSSL_)/;

function hostLabel(url: URL): string {
  return url.port === '' ? url.hostname : `${url.hostname}:${url.port}`;
}

/**
 * A failure as the user sees it: kind, plain message, no stack. Messages are
 * built from host names, codes and the executor's own text, never from the
 * request; secret values are removed by the one redactor in main/requests.
 */
export function mapHttpError(err: unknown, ctx: ErrorContext): HttpError {
  const host = hostLabel(ctx.url);
  if (ctx.aborted) return { kind: 'cancelled', message: 'The request was cancelled.' };
  if (err instanceof TooLargeForPreviewError) {
    return {
      kind: 'too-large',
      message: `The response body is larger than the ${formatBytes(err.limit)} preview. Save it to a file to see all of it.`,
    };
  }
  if (err instanceof DownloadFileError) {
    return { kind: 'file', message: `Could not save the download to ${err.path}: ${describeFsCode(err.code)}.` };
  }
  if (err instanceof ClientCertificateError) return { kind: 'client-cert', message: err.message };
  if (err instanceof InvalidRequestError) return { kind: 'invalid-request', message: err.message };
  if (err instanceof RedirectRefusedError) return { kind: 'redirect-refused', message: err.message };

  const items = chain(err);
  const all = codes(items);
  const rejected = items.find((i): i is CertificateRejectedError => i instanceof CertificateRejectedError);
  if (rejected) {
    const result: HttpError = { kind: 'tls', message: `TLS: ${host} was refused because ${rejected.message}.` };
    if (rejected.certificate) result.certificate = rejected.certificate;
    return result;
  }

  const proxyFailure = ctx.proxy !== null && isProxyFailure(items, ctx.proxy);
  if (proxyFailure && ctx.proxy) {
    return { kind: 'proxy', message: `The HTTP proxy ${hostLabel(ctx.proxy)} failed: ${proxyReason(items, all)}.` };
  }
  if (all.includes('UND_ERR_CONNECT_TIMEOUT') || all.includes('ETIMEDOUT')) {
    return { kind: 'timeout', timeout: 'connect', message: `Timed out connecting to ${host}.` };
  }
  if (all.includes('UND_ERR_HEADERS_TIMEOUT')) {
    return { kind: 'timeout', timeout: 'headers', message: `${host} accepted the request but sent no response headers in time.` };
  }
  if (all.includes('UND_ERR_BODY_TIMEOUT')) {
    return { kind: 'timeout', timeout: 'body', message: `${host} stopped sending the response body (idle timeout).` };
  }
  const dns = all.find((c) => DNS_CODES.has(c));
  if (dns !== undefined) {
    const temporary = dns === 'EAI_AGAIN' ? ' (temporary failure: check the network or DNS server)' : '';
    return { kind: 'dns', message: `Could not resolve the host name ${ctx.url.hostname}${temporary}.` };
  }
  if (all.includes('ECONNREFUSED')) {
    return { kind: 'refused', message: `${host} refused the connection: nothing is listening there.` };
  }
  if (all.includes('EHOSTUNREACH') || all.includes('ENETUNREACH')) {
    return { kind: 'refused', message: `${host} cannot be reached from this network.` };
  }
  const tlsCode = all.find((c) => TLS_CODE.test(c));
  if (tlsCode !== undefined) {
    const withCert = items.find((i) => typeof i.cert === 'object' && i.cert !== null);
    const certificate = withCert ? certificateInfo(withCert.cert as Parameters<typeof certificateInfo>[0]) : undefined;
    const result: HttpError = { kind: 'tls', message: `TLS handshake with ${host} failed: ${describeTlsCode(tlsCode)}.` };
    if (certificate) result.certificate = certificate;
    return result;
  }
  if (all.some((c) => RESET_CODES.has(c))) {
    const hint =
      ctx.url.protocol === 'https:' && !ctx.clientCertificate
        ? ' If this server requires a client certificate, add one to the environment.'
        : '';
    return { kind: 'reset', message: `${host} closed the connection unexpectedly.${hint}` };
  }
  const parserFailed = items.some((i) => i.name === 'HTTPParserError');
  if (parserFailed || all.some((c) => c.startsWith('HPE_') || c === 'UND_ERR_INFO' || c === 'UND_ERR_RES_CONTENT_LENGTH_MISMATCH' || c === 'UND_ERR_HEADERS_OVERFLOW')) {
    return { kind: 'protocol', message: `${host} sent a response that is not valid HTTP.` };
  }
  if (all.includes('UND_ERR_INVALID_ARG') || all.includes('ERR_INVALID_URL')) {
    return { kind: 'invalid-request', message: 'The request is not valid: check the URL, method and headers.' };
  }
  const first = all[0];
  return { kind: 'other', message: `The request to ${host} failed${first === undefined ? '' : ` (${first})`}.` };
}

function isProxyFailure(items: Described[], proxy: URL): boolean {
  const proxyPort = Number(proxy.port || (proxy.protocol === 'https:' ? 443 : 80));
  for (const item of items) {
    const message = typeof item.message === 'string' ? item.message : '';
    if (/proxy/i.test(message)) return true;
    if (item.code === 'UND_ERR_PRX_TLS') return true;
    // A socket error at the proxy's own address.
    if (item.port === proxyPort && (item.address === proxy.hostname || item.hostname === proxy.hostname)) return true;
  }
  return false;
}

function proxyReason(items: Described[], all: string[]): string {
  for (const item of items) {
    const message = typeof item.message === 'string' ? item.message : '';
    const status = /\((\d{3})\)/.exec(message);
    if (/proxy/i.test(message) && status) {
      return status[1] === '407' ? 'it requires authentication (407)' : `it answered ${status[1] ?? ''} to the tunnel request`;
    }
  }
  if (all.includes('ECONNREFUSED')) return 'nothing is listening there';
  if (all.some((c) => DNS_CODES.has(c))) return 'its host name could not be resolved';
  if (all.some((c) => RESET_CODES.has(c))) return 'it closed the connection';
  return 'it did not open a tunnel';
}

function describeTlsCode(code: string): string {
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') return 'the certificate is not valid for this host name';
  if (code.startsWith('ERR_SSL_WRONG_VERSION')) return 'the server did not answer with TLS (is it plain HTTP?)';
  if (code.startsWith('ERR_SSL_') || code.startsWith('ERR_OSSL_')) return `the handshake was rejected (${code})`;
  return describeVerifyCode(code);
}

function describeFsCode(code: string): string {
  switch (code) {
    case 'ENOSPC':
      return 'the disk is full';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOENT':
      return 'the folder does not exist';
    case 'EROFS':
      return 'the file system is read-only';
    default:
      return code;
  }
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MiB`;
  if (bytes >= 1024) return `${Math.round((bytes / 1024) * 10) / 10} KiB`;
  return `${bytes} bytes`;
}
