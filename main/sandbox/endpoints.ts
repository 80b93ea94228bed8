/** Base URLs of each emulated gateway on a running sandbox, for samples and environments. */

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

export function sandboxEndpoints(baseUrl: string): SandboxEndpoints {
  const base = baseUrl.replace(/\/+$/, '');
  return {
    paynet: `${base}/osp`,
    momo: base,
    centagate: `${base}/v2/CentagateWS/webresources`,
    elecsnet: `${base}/paynet/api/v2`,
    elecsnetPublicKey: (login) => `${base}/sandbox/elecsnet/merchants/${encodeURIComponent(login)}/public-key`,
  };
}
