import type { HttpProgress } from '../contract/http.ts';
import type { ConnectionPools } from './connection-pool.ts';
import type { ProxyEnv, ProxySetting } from './dispatcher.ts';

/** An already-signed request: sent exactly as given. */
export interface SignedRequest {
  method: string;
  url: string;
  /** In the order they are to be sent; repeated names allowed. */
  headers: ReadonlyArray<readonly [string, string]>;
  body?: Uint8Array | string | null;
}

export interface Timeouts {
  /** TCP + TLS connection setup. */
  connectMs: number;
  /** From request sent to the response head. */
  headersMs: number;
  /** Longest pause between two body chunks. */
  bodyIdleMs: number;
}

export const DEFAULT_TIMEOUTS: Timeouts = { connectMs: 10_000, headersMs: 30_000, bodyIdleMs: 30_000 };
export const DEFAULT_PREVIEW_LIMIT = 1024 * 1024;
export const DEFAULT_MAX_REDIRECTS = 10;

export interface TlsMaterial {
  /** Verify the server certificate (default true). See tlsPolicy() for who may turn it off. */
  verify?: boolean;
  /** Extra trusted CAs in PEM, added to Node's bundled roots. */
  ca?: string | readonly string[];
  /** Client certificate and key in PEM... */
  cert?: string;
  key?: string;
  /** ...or as PKCS#12. */
  pfx?: Uint8Array;
  passphrase?: string;
}

/** A redirect hop about to be followed, as beforeRedirect sees it. */
export interface RedirectHopRequest {
  /** Full URLs (main-side only: never shown as given). */
  from: string;
  to: string;
  /** The method the next hop will use. */
  method: string;
  /** Whether the request body is sent again on the next hop. */
  forwardsBody: boolean;
  /** Lower-cased names of the headers the next hop will carry (after credential headers were dropped). */
  forwardsHeaders: readonly string[];
}

/** Save the body: to exactly this file, or into this folder under the server's (sanitized) name. */
export type SaveTarget = { file: string } | { directory: string };

export interface ExecuteOptions {
  /** Names progress events; defaults to a random id. */
  requestId?: string;
  timeouts?: Partial<Timeouts>;
  previewLimitBytes?: number;
  /** The user asked to save this response. */
  save?: SaveTarget;
  /**
   * Where bodies too large to preview go when no save target was given. Without it they fail as too large.
   * A function is called only when a body does need it (a private folder made per send costs two file
   * system calls that almost every send would make for nothing).
   */
  downloadsDir?: string | (() => Promise<string>);
  /** Replace an existing file; by default a free name like "report (1).csv" is chosen. */
  overwrite?: boolean;
  proxy?: ProxySetting;
  tls?: TlsMaterial;
  signal?: AbortSignal;
  onProgress?: (progress: HttpProgress) => void;
  maxRedirects?: number;
  /** Extra header names (besides Authorization/Cookie) never sent to another origin on a redirect. */
  sensitiveHeaders?: readonly string[];
  /**
   * Called before each redirect hop is followed. Returning a message refuses
   * the hop: the send ends as a failure of kind 'redirect-refused' carrying
   * that message. Return null to let the hop go ahead.
   */
  beforeRedirect?: (hop: RedirectHopRequest) => string | null;
}

/** Injected so tests control time, randomness and the environment. */
export interface ExecutorDeps {
  /** Monotonic milliseconds, for timings and progress. */
  monotonicMs: () => number;
  /** Wall-clock epoch milliseconds, for the clock-skew check. */
  wallClockMs: () => number;
  randomHex: () => string;
  env: ProxyEnv;
  /**
   * Send plain-http GET saves over the direct socket reader (default true).
   * False keeps every request on undici: for comparing the two paths in
   * tests and benchmarks.
   */
  directSaves?: boolean;
  /** The connection pools to send through (default: the process's shared ones). */
  pools?: ConnectionPools;
}
