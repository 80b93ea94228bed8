// The executor's public surface, for the contract handlers and the CLI.
export { executeRequest, defaultExecutorDeps } from './executor.ts';
export { tlsPolicy } from './tls-policy.ts';
export type { TlsDecision, TlsEnvironment } from './tls-policy.ts';
export { DEFAULT_MAX_REDIRECTS, DEFAULT_PREVIEW_LIMIT, DEFAULT_TIMEOUTS } from './options.ts';
export type { ExecuteOptions, ExecutorDeps, RedirectHopRequest, SaveTarget, SignedRequest, Timeouts, TlsMaterial } from './options.ts';
export type { ProxyEnv, ProxySetting } from './dispatcher.ts';
export { sanitizeFileName } from './file-name.ts';
export { InFlightRequests } from './in-flight.ts';
export { closeConnectionPools } from './connection-pool.ts';
