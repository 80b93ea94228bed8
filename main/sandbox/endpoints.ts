/** Base URLs of each emulated gateway on a running sandbox, for samples and environments. */
import { normalizeMount, type SandboxMounts } from './mounts.ts';

export type SandboxEndpoints = {
  /** PayNet OSP: token at `${paynet}/token`, reports under `${paynet}/api/v1/reports`. */
  paynet: string;
  /** MTN MoMo: `${momo}/v1_0/apiuser`, `${momo}/collection/token/`, `${momo}/collection/v1_0/requesttopay`. */
  momo: string;
  /** CENTAGATE: `${centagate}/auth/authQRCode`. */
  centagate: string;
  /** Elecsnet: `${elecsnet}/{operation}/{endpointId}`, e.g. `${elecsnet}/transfer/1001`. */
  elecsnet: string;
  /** Register the merchant's RSA public key (PUT a PEM). */
  elecsnetPublicKey: (login: string) => string;
};

/** `mounts`: the path prefixes the sandbox was started with, if any. */
export function sandboxEndpoints(baseUrl: string, mounts: SandboxMounts = {}): SandboxEndpoints {
  const base = baseUrl.replace(/\/+$/, '');
  const under = (gateway: keyof SandboxMounts) => `${base}${normalizeMount(mounts[gateway])}`;
  return {
    paynet: `${under('paynet')}/osp`,
    momo: under('momo'),
    centagate: `${under('centagate')}/v2/CentagateWS/webresources`,
    elecsnet: `${under('elecsnet')}/paynet/api/v2`,
    elecsnetPublicKey: (login) => `${under('elecsnet')}/sandbox/elecsnet/merchants/${encodeURIComponent(login)}/public-key`,
  };
}
