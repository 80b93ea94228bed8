import { ServiceError } from '../contract/errors.ts';

/** What the executor needs to know about an environment to decide on TLS checks. */
export interface TlsEnvironment {
  name: string;
  /** A protected (production) environment: TLS verification can never be turned off. */
  protected: boolean;
  /** The user asked to skip certificate verification for this environment. */
  skipTlsVerify: boolean;
}

export interface TlsDecision {
  verify: boolean;
  /** Shown loudly in the UI whenever verification is off. */
  warning: string | null;
}

/**
 * Verification is on unless the user turned it off for an unprotected
 * environment. Asking to turn it off for a protected one is refused outright
 * rather than silently ignored, so the UI can say why.
 */
export function tlsPolicy(environment: TlsEnvironment): TlsDecision {
  if (!environment.skipTlsVerify) return { verify: true, warning: null };
  if (environment.protected) {
    throw new ServiceError(
      'forbidden',
      `TLS verification cannot be turned off for "${environment.name}": it is a protected environment.`,
    );
  }
  return {
    verify: false,
    warning: `TLS certificates are NOT verified for "${environment.name}": anyone on the network path can read and change these requests.`,
  };
}
