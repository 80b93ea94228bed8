import { randomBytes } from 'node:crypto';
import { basename, dirname } from 'node:path';
import type { Dispatcher } from 'undici';
import type { HttpOutcome, HeaderPair, PendingRedirect, RedirectHop, ResponseSummary } from '../contract/http.ts';
import { consumeBody } from './body-sink.ts';
import type { SinkResult } from './body-sink.ts';
import { clockSkew } from './clock-skew.ts';
import { fileNameFromContentDisposition } from './content-disposition.ts';
import { sharedConnectionPools } from './connection-pool.ts';
import type { PoolLease } from './connection-pool.ts';
import { resolveProxy } from './dispatcher.ts';
import type { ResolvedProxy } from './dispatcher.ts';
import { readDirectBody } from './direct/body-reader.ts';
import { goesDirect } from './direct/eligibility.ts';
import { sendDirectGet } from './direct/exchange.ts';
import type { DirectResponse } from './direct/exchange.ts';
import { PartialFile } from './download-target.ts';
import type { DownloadTarget } from './download-target.ts';
import { mapHttpError } from './error-map.ts';
import { InvalidRequestError, RedirectRefusedError, TooLargeForPreviewError } from './failures.ts';
import { fileNameFromUrl, sanitizeFileName } from './file-name.ts';
import { DEFAULT_MAX_REDIRECTS, DEFAULT_PREVIEW_LIMIT, DEFAULT_TIMEOUTS } from './options.ts';
import type { ExecuteOptions, ExecutorDeps, SignedRequest, Timeouts } from './options.ts';
import { encodePreview } from './preview.ts';
import { progressThrottle } from './progress.ts';
import { displayUrl } from './redact.ts';
import { REDIRECT_STATUSES, decideRedirect, headersForHop } from './redirects.ts';
import { TimingRecorder } from './timing.ts';

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
  let lease: PoolLease | null = null;
  try {
    const timeouts = timeoutsOf(options);
    // Shared across sends: a later send to the same origin with the same TLS
    // material and proxy reuses a kept-alive connection (or a TLS session).
    lease = (deps.pools ?? sharedConnectionPools()).lease({ proxy, tls: options.tls, connectTimeoutMs: timeouts.connectMs }, timing);
    const route: Route = {
      dispatcher: lease.dispatcher,
      release: lease.release,
      secureContext: lease.secureContext,
      timeouts,
      direct: (hopUrl, hopHeaders) => (deps.directSaves ?? true) && goesDirect(request, hopUrl, hopHeaders, options, proxy),
    };
    const response = await runHops(route, request, url, options, deps, timing, redirects, (next) => {
      url = next;
    });
    return { ok: true, response };
  } catch (err) {
    return { ok: false, error: mapHttpError(err, errorContext(url, proxyFor(url, proxy), options)), redirects };
  } finally {
    lease?.release();
  }
}

/** How each hop is sent: undici, or the direct socket reader for the hops it takes (see direct/eligibility.ts). */
interface Route {
  dispatcher: Dispatcher;
  /** The send has its response head: connections opened from now on are not timed for it. */
  release: () => void;
  /** The pool's TLS context for direct saves over https. */
  secureContext: PoolLease['secureContext'];
  timeouts: Timeouts;
  direct: (url: URL, headers: ReadonlyArray<readonly [string, string]>) => boolean;
}

/** A response head, in undici's shape whichever path read it. */
interface Head {
  statusCode: number;
  statusText: string;
  headers: Dispatcher.ResponseData['headers'];
}

/** The body still to be read: an undici stream or a direct response with its socket paused. */
type PendingBody = { kind: 'undici'; response: Dispatcher.ResponseData } | { kind: 'direct'; response: DirectResponse };

async function runHops(
  route: Route,
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
    const method = request.method.toUpperCase();
    let head: Head;
    let body: PendingBody;
    if (route.direct(url, headers)) {
      const tls = url.protocol === 'https:' ? { secureContext: route.secureContext(), verify: options.tls?.verify ?? true } : undefined;
      const direct = await sendDirectGet({ url, headers, timeouts: route.timeouts, timing, signal: options.signal, tls });
      head = { statusCode: direct.head.status, statusText: direct.head.statusText, headers: headerRecord(direct.head.headers) };
      body = { kind: 'direct', response: direct };
    } else {
      const response = await sendWithUndici(route.dispatcher, request, method, url, headers, route.timeouts, options.signal);
      timing.headersReceived();
      route.release();
      head = response;
      body = { kind: 'undici', response };
    }
    const headersAt = deps.wallClockMs();

    let pending: PendingRedirect | null = null;
    const location = headerValue(head.headers, 'location');
    if (REDIRECT_STATUSES.has(head.statusCode) && location !== undefined) {
      const decision = decideRedirect(request.method, url, location, redirects.length, maxRedirects);
      if (decision?.follow) {
        const nextHeaders = headersForHop(headers, url, decision.url, options.sensitiveHeaders ?? []);
        const refusal = options.beforeRedirect?.({
          from: url.href,
          to: decision.url.href,
          method,
          forwardsBody: request.body !== undefined && request.body !== null,
          forwardsHeaders: nextHeaders.map(([name]) => name.toLowerCase()),
        });
        if (typeof refusal === 'string') {
          if (body.kind === 'undici') await body.response.body.dump();
          else body.response.socket.close();
          throw new RedirectRefusedError(refusal === '' ? `The redirect to ${displayUrl(decision.url)} was refused.` : refusal);
        }
        redirects.push({ status: head.statusCode, from: displayUrl(url), location: displayUrl(decision.url) });
        if (body.kind === 'undici') await body.response.body.dump();
        else body.response.socket.close();
        headers = nextHeaders;
        url = decision.url;
        onHop(url);
        continue;
      }
      if (decision) pending = decision.pending;
    }
    return await readResponse(head, body, method, url, options, deps, timing, headersAt, redirects, pending);
  }
}

function sendWithUndici(
  dispatcher: Dispatcher,
  request: SignedRequest,
  method: string,
  url: URL,
  headers: ReadonlyArray<readonly [string, string]>,
  timeouts: Timeouts,
  signal: AbortSignal | undefined,
): Promise<Dispatcher.ResponseData> {
  const requestOptions: Dispatcher.RequestOptions = {
    origin: url.origin,
    path: `${url.pathname}${url.search}`,
    method,
    headers: headers.flatMap(([name, value]) => [name, value]),
    headersTimeout: timeouts.headersMs,
    bodyTimeout: timeouts.bodyIdleMs,
  };
  if (request.body !== undefined && request.body !== null) requestOptions.body = request.body;
  if (signal) requestOptions.signal = signal;
  return dispatcher.request(requestOptions);
}

async function readResponse(
  response: Head,
  pendingBody: PendingBody,
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
    const target = async (): Promise<DownloadTarget> => downloadTarget(response, url, options, typeof spillDir === 'function' ? await spillDir() : spillDir);
    const onProgress = options.onProgress;
    const report = onProgress
      ? progressThrottle(options.requestId ?? deps.randomHex(), total, deps.monotonicMs, onProgress)
      : () => undefined;
    const openFile = async (): Promise<PartialFile> => PartialFile.open(await target(), deps.randomHex);
    // The direct path is only taken for saves, so it always writes from the first byte.
    const sunk: SinkResult =
      pendingBody.kind === 'direct'
        ? await readDirectBody(pendingBody.response, { previewLimit, bodyIdleMs: timeoutsOf(options).bodyIdleMs, openFile, onBytes: report })
        : await consumeBody(pendingBody.response.body, {
            previewLimit,
            saveFromStart: options.save !== undefined || (total !== undefined && total > previewLimit),
            canSpill,
            openFile,
            onBytes: report,
          });
    timing.bodyFinished();
    // undici marks the connection free again a tick after the body ends; a
    // send that follows at once would otherwise open a second connection.
    if (pendingBody.kind === 'undici') await new Promise((resolve) => setImmediate(resolve));
    const contentType = headerValue(response.headers, 'content-type') ?? null;
    return {
      url: displayUrl(url),
      status: response.statusCode,
      statusText: response.statusText,
      headers: headerPairs(response.headers),
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
    if (pendingBody.kind === 'undici') {
      if (!pendingBody.response.body.destroyed) pendingBody.response.body.destroy();
    } else {
      pendingBody.response.socket.close();
    }
  }
}

function timeoutsOf(options: ExecuteOptions): Timeouts {
  return { ...DEFAULT_TIMEOUTS, ...options.timeouts };
}

function downloadTarget(
  response: Head,
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
  const clientCertificate = options.tls?.cert !== undefined || options.tls?.pfx !== undefined;
  return { url, proxy, aborted: options.signal?.aborted ?? false, clientCertificate };
}

function headerValue(headers: Dispatcher.ResponseData['headers'], name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Direct-path header pairs in undici's shape: one key per name, repeats as an array, first-seen order. */
function headerRecord(pairs: ReadonlyArray<readonly [string, string]>): Dispatcher.ResponseData['headers'] {
  // No prototype: a header called __proto__ is just a header.
  const record = Object.create(null) as Record<string, string | string[]>;
  for (const [name, value] of pairs) {
    const existing = record[name];
    if (existing === undefined) record[name] = value;
    else if (Array.isArray(existing)) existing.push(value);
    else record[name] = [existing, value];
  }
  return record;
}

function headerPairs(headers: Dispatcher.ResponseData['headers']): HeaderPair[] {
  const pairs: HeaderPair[] = [];
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) pairs.push([name, one]);
  }
  return pairs;
}
