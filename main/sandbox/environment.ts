/**
 * Everything the gateway emulations share, resolved from the caller's options:
 * injected clock and randomness (so tests are deterministic), credentials,
 * tolerances and a log sink.
 */
import { randomBytes as nodeRandomBytes } from 'node:crypto';
import { SANDBOX_CREDENTIALS, type SandboxCredentials } from './credentials.ts';
import { normalizeMount, type Gateway, type SandboxMounts } from './mounts.ts';
import { faultyCredentials, type SandboxFaults } from './faults.ts';

/** Which concatenation order of the CENTAGATE seed the sandbox verifies. */
export type CentagateHmacOrder = 'code-sample' | 'parameter-table';

export type SandboxOptions = {
  /** 0 (the default) picks a free port. The host is always 127.0.0.1. */
  port?: number;
  /** Milliseconds since the epoch. */
  clock?: () => number;
  randomBytes?: (size: number) => Buffer;
  credentials?: SandboxCredentials;
  log?: (line: string) => void;
  /** Allowed distance between a request's timestamp and the sandbox clock. */
  timestampToleranceSeconds?: number;
  tokenLifetimeSeconds?: number;
  paynet?: { pollsUntilReady?: number; maxReportBytes?: number };
  /** usersFile: where provisioned API users are kept across restarts (none: in memory only). */
  momo?: { settleDelayMs?: number; usersFile?: string };
  centagate?: { hmacOrder?: CentagateHmacOrder };
  /** The merchant's RSA public key at start (PEM); defaults to the committed fixture key. */
  elecsnet?: { publicKeyPem?: string };
  /** Path prefixes per gateway, e.g. { momo: '/momo', paynet: '/osp/v2' } (default: each at the root). */
  mounts?: SandboxMounts;
  /** Serve HTTPS with this certificate (PEM) instead of plain HTTP: a deployment with its own CA. */
  tls?: { cert: string; key: string };
  /** TEST ONLY: misbehave like a misconfigured deployment (faults.ts). */
  faults?: SandboxFaults;
};

export type SandboxEnvironment = {
  now: () => number;
  randomBytes: (size: number) => Buffer;
  credentials: SandboxCredentials;
  log: (line: string) => void;
  timestampToleranceSeconds: number;
  tokenLifetimeSeconds: number;
  paynet: { pollsUntilReady: number; maxReportBytes: number };
  momo: { settleDelayMs: number; usersFile: string | undefined };
  centagate: { hmacOrder: CentagateHmacOrder };
  /** Normalized prefixes ('' = root), for routes that answer with their own paths. */
  mounts: Readonly<Record<Gateway, string>>;
  /** TEST ONLY: the faults the routes apply themselves (encodings, signature inputs); clock and credentials are already applied. */
  faults: SandboxFaults;
};

const GIB = 1024 ** 3;

function withMerchantKey(credentials: SandboxCredentials, publicKeyPem: string | undefined): SandboxCredentials {
  return publicKeyPem === undefined ? credentials : { ...credentials, elecsnet: { ...credentials.elecsnet, publicKeyPem } };
}

export function resolveEnvironment(options: SandboxOptions): SandboxEnvironment {
  const faults = options.faults ?? {};
  const clock = options.clock ?? Date.now;
  const skewMs = (faults.clockSkewSeconds ?? 0) * 1000;
  const credentials = withMerchantKey(options.credentials ?? SANDBOX_CREDENTIALS, options.elecsnet?.publicKeyPem);
  return {
    now: skewMs === 0 ? clock : () => clock() + skewMs,
    randomBytes: options.randomBytes ?? nodeRandomBytes,
    credentials: options.faults === undefined ? credentials : faultyCredentials(credentials, faults),
    faults,
    log: options.log ?? (() => undefined),
    timestampToleranceSeconds: options.timestampToleranceSeconds ?? 300,
    tokenLifetimeSeconds: options.tokenLifetimeSeconds ?? 3600,
    paynet: {
      pollsUntilReady: options.paynet?.pollsUntilReady ?? 3,
      maxReportBytes: options.paynet?.maxReportBytes ?? 64 * GIB,
    },
    momo: { settleDelayMs: options.momo?.settleDelayMs ?? 1000, usersFile: options.momo?.usersFile },
    centagate: { hmacOrder: faults.centagateOrder ?? options.centagate?.hmacOrder ?? 'code-sample' },
    mounts: {
      paynet: normalizeMount(options.mounts?.paynet),
      momo: normalizeMount(options.mounts?.momo),
      centagate: normalizeMount(options.mounts?.centagate),
      elecsnet: normalizeMount(options.mounts?.elecsnet),
    },
  };
}
