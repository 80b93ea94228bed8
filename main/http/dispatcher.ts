import type { SecureContextOptions } from 'node:tls';
import { Agent, EnvHttpProxyAgent } from 'undici';
import type { Dispatcher } from 'undici';
import { timedConnector } from './connector.ts';
import type { TimingRecorder } from './timing.ts';

/** Where requests go: straight out, through the proxy the environment names, or through one the user set. */
export type ProxySetting =
  | { mode: 'none' }
  | { mode: 'env' }
  | { mode: 'explicit'; url: string; noProxy?: string };

export interface ProxyEnv {
  HTTP_PROXY?: string | undefined;
  HTTPS_PROXY?: string | undefined;
  NO_PROXY?: string | undefined;
  http_proxy?: string | undefined;
  https_proxy?: string | undefined;
  no_proxy?: string | undefined;
}

export interface ResolvedProxy {
  httpProxy: string;
  httpsProxy: string;
  noProxy: string;
}

/** The proxy URLs in effect, or null for a direct connection. Lower-case variables win, like curl. */
export function resolveProxy(setting: ProxySetting, env: ProxyEnv): ResolvedProxy | null {
  if (setting.mode === 'none') return null;
  if (setting.mode === 'explicit') return { httpProxy: setting.url, httpsProxy: setting.url, noProxy: setting.noProxy ?? '' };
  const httpProxy = env.http_proxy ?? env.HTTP_PROXY ?? '';
  const httpsProxy = env.https_proxy ?? env.HTTPS_PROXY ?? httpProxy;
  if (httpProxy === '' && httpsProxy === '') return null;
  return { httpProxy, httpsProxy, noProxy: env.no_proxy ?? env.NO_PROXY ?? '' };
}

export interface DispatcherOptions {
  proxy: ResolvedProxy | null;
  tls: SecureContextOptions;
  verifyTls: boolean;
  connectTimeoutMs: number;
  /** The exchange each new connection is opened for (see connection-pool.ts). */
  timingFor: () => TimingRecorder | null;
}

/**
 * The dispatcher behind one connection pool: undici keeps one pool of
 * keep-alive connections per origin inside it. Header and body timeouts are
 * set per request, so they are not part of it.
 */
export function createDispatcher(options: DispatcherOptions): Dispatcher {
  const connect = timedConnector({
    tls: options.tls,
    verifyTls: options.verifyTls,
    connectTimeoutMs: options.connectTimeoutMs,
    timingFor: options.timingFor,
  });
  const common = { pipelining: 1 };
  if (options.proxy === null) return new Agent({ ...common, connect });
  const tlsForProxy = { ...options.tls, rejectUnauthorized: options.verifyTls };
  return new EnvHttpProxyAgent({
    ...common,
    connect,
    connectTimeout: options.connectTimeoutMs,
    httpProxy: options.proxy.httpProxy,
    httpsProxy: options.proxy.httpsProxy,
    noProxy: options.proxy.noProxy,
    // Through a proxy undici builds its own connectors: TLS settings go here,
    // and the timing breakdown then has no DNS/TCP/TLS phases.
    requestTls: tlsForProxy,
    proxyTls: tlsForProxy,
  });
}
