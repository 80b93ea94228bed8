import type { Clock, NonceSource, SchemeContext, SigningRequest } from '../../../main/signing/types.ts';
import { VariableResolver } from '../../../main/signing/variables.ts';

export function fixedClock(ms: number): Clock & { set: (ms: number) => void; advance: (ms: number) => void } {
  let now = ms;
  return {
    now: () => now,
    set: (value) => {
      now = value;
    },
    advance: (delta) => {
      now += delta;
    },
  };
}

/** Deterministic nonces: nonce-1, nonce-2, ... and UUIDs with a counter in the last group. */
export function countingNonces(): NonceSource {
  let n = 0;
  return {
    nonce: () => `nonce-${++n}`,
    uuid: () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
    randomInt: () => ++n,
  };
}

export function fixedContext(ms = 1_700_000_000_000): SchemeContext {
  return { clock: fixedClock(ms), nonces: countingNonces() };
}

export function get(url: string): SigningRequest {
  return { method: 'GET', url, headers: [], body: { kind: 'none' } };
}

export function header(request: SigningRequest, name: string): string | undefined {
  return request.headers.find((h) => h.name.toLowerCase() === name.toLowerCase())?.value;
}

/** A resolver for environment "uat" over a vault holding only `secrets`; `asked` records each read as "env/name", in order. */
export function recordingResolver(variables: Record<string, string> = {}, secrets: Record<string, string> = {}) {
  const asked: string[] = [];
  const r = new VariableResolver({
    environment: 'uat',
    variables,
    secrets: {
      get: (env, name) => {
        asked.push(`${env}/${name}`);
        return Object.hasOwn(secrets, name) ? Promise.resolve(secrets[name] ?? '') : Promise.reject(new Error(`missing ${name}`));
      },
    },
    clock: fixedClock(1_700_000_000_123),
    nonces: countingNonces(),
  });
  return { r, asked };
}
