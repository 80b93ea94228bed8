/**
 * TEST ONLY: the sandbox made to misbehave as a misconfigured deployment
 * does, so the signature debugger can be shown to name each cause. Set by a
 * test through SandboxOptions.faults, or from outside a process through the
 * COUNTERSIGN_SANDBOX_FAULTS environment variable (JSON); nothing in the
 * interface sets it.
 */
import { generateKeyPairSync } from 'node:crypto';
import { z } from 'zod';
import type { SandboxCredentials } from './credentials.ts';

export const SANDBOX_FAULTS_ENV = 'COUNTERSIGN_SANDBOX_FAULTS';

const GatewayName = z.enum(['paynet', 'momo', 'centagate', 'elecsnet']);

export const SandboxFaults = z.strictObject({
  /** The sandbox clock (and its Date header) runs this many seconds ahead (negative: behind). */
  clockSkewSeconds: z.number().int().min(-10 * 365 * 86400).max(10 * 365 * 86400).optional(),
  /**
   * The sandbox holds another secret than the vault's published one: paynet's client secret and momo's
   * API key (so their token endpoints refuse), centagate's secret key, elecsnet's control key.
   */
  wrongSecret: z.array(GatewayName).optional(),
  /** Elecsnet: another merchant RSA public key is registered, so RSA-SHA256 signatures do not verify. */
  wrongKey: z.array(z.literal('elecsnet')).optional(),
  /** CENTAGATE verifies this field order. */
  centagateOrder: z.enum(['code-sample', 'parameter-table']).optional(),
  /** CENTAGATE concatenates absent optional fields as "null" (Java's string concatenation). */
  centagateAbsentAs: z.literal('null').optional(),
  /** Elecsnet encodes its base string parameters this way: a space as "+", or every name and value encoded twice. */
  encoding: z.enum(['plus-for-space', 'double']).optional(),
  /** PayNet verifies X-Signature over another input: the timestamp in milliseconds, the client id as key, or another secret as key. */
  paynetSignature: z.enum(['timestamp-ms', 'client-id-key', 'other-secret']).optional(),
});
export type SandboxFaults = z.output<typeof SandboxFaults>;

/** Values the faulty sandbox holds instead of the published ones (never in any vault). */
export const FAULT_SECRETS = {
  paynetClientSecret: 'sandbox-fault-osp-secret-77aa19',
  paynetSignatureSecret: 'sandbox-fault-osp-signing-key-3c8e',
  momoApiKey: '0f0f0f0f0e0e4e0e8d0d0d0d0c0c0c0c',
  centagateSecretKey: 'sandbox-fault-centagate-key-91d2',
  elecsnetControlKey: 'FA017000-0000-4000-8000-000000000000',
} as const;

/** Reads COUNTERSIGN_SANDBOX_FAULTS; a value that is set but wrong is an error, not silently ignored. */
export function faultsFromEnvironment(env: NodeJS.ProcessEnv = process.env): SandboxFaults | undefined {
  const text = env[SANDBOX_FAULTS_ENV];
  if (text === undefined || text.trim() === '') return undefined;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error(`${SANDBOX_FAULTS_ENV} is not JSON: ${text.slice(0, 200)}`);
  }
  const parsed = SandboxFaults.safeParse(json);
  if (!parsed.success) throw new Error(`${SANDBOX_FAULTS_ENV} is not a fault set: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
}

/** The credentials a faulty sandbox verifies with. */
export function faultyCredentials(credentials: SandboxCredentials, faults: SandboxFaults): SandboxCredentials {
  const wrong = new Set(faults.wrongSecret ?? []);
  const otherKey = (faults.wrongKey ?? []).includes('elecsnet')
    ? generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ type: 'spki', format: 'pem' }).toString()
    : undefined;
  return {
    paynet: wrong.has('paynet') ? { ...credentials.paynet, clientSecret: FAULT_SECRETS.paynetClientSecret } : credentials.paynet,
    momo: wrong.has('momo') ? { ...credentials.momo, apiKey: FAULT_SECRETS.momoApiKey } : credentials.momo,
    centagate: wrong.has('centagate') ? { ...credentials.centagate, secretKey: FAULT_SECRETS.centagateSecretKey } : credentials.centagate,
    elecsnet: {
      ...credentials.elecsnet,
      ...(wrong.has('elecsnet') ? { controlKey: FAULT_SECRETS.elecsnetControlKey } : {}),
      ...(otherKey === undefined ? {} : { publicKeyPem: otherKey }),
    },
  };
}
