import { randomBytes } from 'node:crypto';
import { basename, dirname } from 'node:path';
import type { Dispatcher } from 'undici';
import type { HttpOutcome, HeaderPair, PendingRedirect, RedirectHop, ResponseSummary } from '../contract/http.ts';
import { consumeBody } from './body-sink.ts';
import { clockSkew } from './clock-skew.ts';
import { fileNameFromContentDisposition } from './content-disposition.ts';
import { createDispatcher, resolveProxy } from './dispatcher.ts';
import type { ResolvedProxy } from './dispatcher.ts';
import { PartialFile } from './download-target.ts';
import type { DownloadTarget } from './download-target.ts';
import { mapHttpError } from './error-map.ts';
import { InvalidRequestError, TooLargeForPreviewError } from './failures.ts';
import { fileNameFromUrl, sanitizeFileName } from './file-name.ts';
import { DEFAULT_MAX_REDIRECTS, DEFAULT_PREVIEW_LIMIT, DEFAULT_TIMEOUTS } from './options.ts';
import type { ExecuteOptions, ExecutorDeps, SignedRequest } from './options.ts';
import { encodePreview } from './preview.ts';
import { progressThrottle } from './progress.ts';
import { displayUrl, redactValues } from './redact.ts';
import { REDIRECT_STATUSES, decideRedirect, headersForHop } from './redirects.ts';
import { TimingRecorder } from './timing.ts';
import { tlsSocketOptions } from './tls-material.ts';

export function defaultExecutorDeps(): ExecutorDeps {
  return {
    monotonicMs: () => performance.now(),
    wallClockMs: () => Date.now(),
    randomHex: () => randomBytes(8).toString('hex'),
    env: process.env,
  };
}

/**
 * Sends one signed request and reads its response. Never throws for network,
 * TLS, file or cancellation problems: those come back as a mapped error.
 */
export async function executeRequest(
  request: SignedRequest,
  options: ExecuteOptions = {},
  deps: ExecutorDeps = defaultExecutorDeps(),
): Promise<HttpOutcome> {
  const redirects: RedirectHop[] = [];
  const proxy = resolveProxy(options.proxy ?? { mode: 'env' }, deps.env);
  let url: URL;
  try {
    url = parseTarget(request.url);
  } catch (err) {
    return { ok: false, error: mapHttpError(err, errorContext(safeUrl(), null, options)), redirects };
  }
  const timing = new TimingRecorder(deps.monotonicMs);
  let dispatcher: Dispatcher | null = null;
  try {
    const tls = tlsSocketOptions(options.tls);
    const timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
    dispatcher = createDispatcher({
      proxy,
      tls,
      verifyTls: options.tls?.verify ?? true,
      connectTimeoutMs: timeouts.connectMs,
      headersTimeoutMs: timeouts.headersMs,
      bodyTimeoutMs: timeouts.bodyIdleMs,
      timing,
    });
    const response = await runHops(dispatcher, request, url, options, deps, timing, redirects, (next) => {
      url = next;
    });
    return { ok: true, response };
  } catch (err) {
    return { ok: false, error: mapHttpError(err, errorContext(url, proxyFor(url, proxy), options)), redirects };
  } finally {
    if (dispatcher) await dispatcher.destroy().catch(() => undefined);
  }
}

async function runHops(
  dispatcher: Dispatcher,
  request: SignedRequest,
  firstUrl: URL,
  options: ExecuteOptions,
  deps: ExecutorDeps,
  timing: TimingRecorder,
  redirects: RedirectHop[],
  onHop: (url: URL) => void,
): Promise<ResponseSummary> {
  const maxRedirects = options.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
  let url = firstUrl;
  let headers: ReadonlyArray<readonly [string, string]> = request.headers;
  for (;;) {
    timing.hopStarted();
    const requestOptions: Dispatcher.RequestOptions = {
      origin: url.origin,
      path: `${url.pathname}${url.search}`,
      method: request.method.toUpperCase(),
      headers: headers.flatMap(([name, value]) => [name, value]),
    };
    if (request.body !== undefined && request.body !== null) requestOptions.body = request.body;
    if (options.signal) requestOptions.signal = options.signal;
    const response = await dispatcher.request(requestOptions);
    timing.headersReceived();
    const headersAt = deps.wallClockMs();

    let pending: PendingRedirect | null = null;
    const location = headerValue(response.headers, 'location');
    if (REDIRECT_STATUSES.has(response.statusCode) && location !== undefined) {
      const decision = decideRedirect(request.method, url, location, redirects.length, maxRedirects);
      if (decision?.follow) {
        const hide = (u: URL): string => redactValues(displayUrl(u), options.secrets ?? []);
        redirects.push({ status: response.statusCode, from: hide(url), location: hide(decision.url) });
        await response.body.dump();
        headers = headersForHop(headers, url, decision.url, options.sensitiveHeaders ?? []);
        url = decision.url;
        onHop(url);
        continue;
      }
      if (decision) pending = { ...decision.pending, location: redactValues(decision.pending.location, options.secrets ?? []) };
    }
    return await readResponse(response, requestOptions.method, url, options, deps, timing, headersAt, redirects, pending);
  }
}

async function readResponse(
  response: Dispatcher.ResponseData,
  method: string,
  url: URL,
  options: ExecuteOptions,
  deps: ExecutorDeps,
  timing: TimingRecorder,
  headersAt: number,
  redirects: RedirectHop[],
  pendingRedirect: PendingRedirect | null,
): Promise<ResponseSummary> {
  const previewLimit = options.previewLimitBytes ?? DEFAULT_PREVIEW_LIMIT;
  const lengthHeader = headerValue(response.headers, 'content-length');
  // HEAD, 204 and 304 carry no body whatever Content-Length says.
  const bodyless = method === 'HEAD' || response.statusCode === 204 || response.statusCode === 304;
  const total = !bodyless && lengthHeader !== undefined && /^\d+$/.test(lengthHeader) ? Number(lengthHeader) : undefined;
  const spillDir = options.save && 'directory' in options.save ? options.save.directory : options.downloadsDir;
  const canSpill = options.save !== undefined || spillDir !== undefined;
  try {
    if (total !== undefined && total > previewLimit && !canSpill) throw new TooLargeForPreviewError(previewLimit);
    const target = (): DownloadTarget => downloadTarget(response, url, options, spillDir);
    const onProgress = options.onProgress;
    const report = onProgress
      ? progressThrottle(options.requestId ?? deps.randomHex(), total, deps.monotonicMs, onProgress)
      : () => undefined;
    const sunk = await consumeBody(response.body, {
      previewLimit,
      saveFromStart: options.save !== undefined || (total !== undefined && total > previewLimit),
      canSpill,
      openFile: () => PartialFile.open(target(), deps.randomHex),
      onBytes: report,
    });
    timing.bodyFinished();
    const contentType = headerValue(response.headers, 'content-type') ?? null;
    return {
      url: redactValues(displayUrl(url), options.secrets ?? []),
      status: response.statusCode,
      statusText: response.statusText,
      headers: headerPairs(response.headers).map(([name, value]) => [name, redactValues(value, options.secrets ?? [])]),
      timing: timing.breakdown(),
      bytes: sunk.bytes,
      contentType,
      preview: encodePreview(sunk.preview, sunk.truncated, contentType),
      saved: sunk.saved,
      clockSkew: clockSkew(headerValue(response.headers, 'date'), headersAt),
      redirects,
      pendingRedirect,
    };
  } finally {
    // Releases the socket if the body was not read to the end.
    if (!response.body.destroyed) response.body.destroy();
  }
}

function downloadTarget(
  response: Dispatcher.ResponseData,
  url: URL,
  options: ExecuteOptions,
  spillDir: string | undefined,
): DownloadTarget {
  const overwrite = options.overwrite ?? false;
  if (options.save && 'file' in options.save) {
    return { directory: dirname(options.save.file), name: basename(options.save.file), overwrite };
  }
  // The server's proposal first; if nothing of it survives sanitizing, the URL's last segment.
  const fromUrl = sanitizeFileName(fileNameFromUrl(url.href) ?? '');
  const proposed = fileNameFromContentDisposition(headerValue(response.headers, 'content-disposition'));
  return { directory: spillDir ?? '.', name: sanitizeFileName(proposed ?? '', fromUrl), overwrite };
}

function parseTarget(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new InvalidRequestError('The URL is not valid.');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new InvalidRequestError(`Only http and https URLs can be sent (got ${url.protocol}).`);
  }
  if (url.username !== '' || url.password !== '') {
    throw new InvalidRequestError('Put credentials in the auth settings, not in the URL.');
  }
  return url;
}

function safeUrl(): URL {
  return new URL('http://invalid.invalid/');
}

function proxyFor(url: URL, proxy: ResolvedProxy | null): URL | null {
  if (!proxy) return null;
  const raw = url.protocol === 'https:' ? proxy.httpsProxy : proxy.httpProxy;
  try {
    return raw === '' ? null : new URL(raw);
  } catch {
    return null;
  }
}

function errorContext(url: URL, proxy: URL | null, options: ExecuteOptions): Parameters<typeof mapHttpError>[1] {
  const secrets = [...(options.secrets ?? [])];
  if (options.tls?.passphrase !== undefined) secrets.push(options.tls.passphrase);
  if (options.proxy?.mode === 'explicit') {
    try {
      const password = decodeURIComponent(new URL(options.proxy.url).password);
      if (password !== '') secrets.push(password);
    } catch {
      // An unparsable proxy URL has no password to hide.
    }
  }
  const clientCertificate = options.tls?.cert !== undefined || options.tls?.pfx !== undefined;
  return { url, proxy, aborted: options.signal?.aborted ?? false, secrets, clientCertificate };
}

function headerValue(headers: Dispatcher.ResponseData['headers'], name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function headerPairs(headers: Dispatcher.ResponseData['headers']): HeaderPair[] {
  const pairs: HeaderPair[] = [];
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) pairs.push([name, one]);
  }
  return pairs;
}
