import type { NetworkFacts } from '../contract/network.ts';
import type { Environment, RequestNode } from '../contract/workspace.ts';
import { tlsPolicy, type ExecuteOptions } from '../http/index.ts';
import { SigningError, type SecretSource } from '../signing/index.ts';

/** The CLI's --proxy, --ca and --insecure: they win over the environment for one run. */
export type NetworkOverride = {
  proxyUrl?: string | undefined;
  /** PEM text read from --ca FILE, and the file's path for the record. */
  ca?: { pem: string; file: string } | undefined;
  insecure?: boolean | undefined;
};

export type ResolvedNetwork = {
  options: Pick<ExecuteOptions, 'proxy' | 'tls'>;
  /** Values read from the vault here (proxy password, key passphrase) for the send's redactor. */
  secretValues: string[];
  facts: (url: string) => NetworkFacts;
  /** Shown on every send while verification is off. */
  warning: string | null;
};

/**
 * Turns an environment's network settings (vault names) into the executor's
 * proxy and TLS options (values), applying the request's own switches and the
 * CLI's overrides. Values stay in main: the facts carry names only.
 */
export async function resolveNetwork(
  environment: Environment,
  request: RequestNode,
  secrets: SecretSource,
  override: NetworkOverride = {},
): Promise<ResolvedNetwork> {
  const settings = environment.network ?? {};
  const own = request.settings?.network ?? {};
  const read = async (name: string, what: string): Promise<string> => {
    try {
      return await secrets.get(environment.name, name);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new SigningError(`The ${what} of ${environment.name}'s network settings is the vault secret "${name}", which could not be read: ${reason}`);
    }
  };
  const secretValues: string[] = [];

  const wantsTlsOff = override.insecure === true || own.verifyTls === false || (own.verifyTls === undefined && settings.verifyTls === false);
  const policy = tlsPolicy({ name: environment.name, protected: environment.protected, skipTlsVerify: wantsTlsOff });
  const tls: NonNullable<ExecuteOptions['tls']> = { verify: policy.verify };
  if (override.ca !== undefined) tls.ca = override.ca.pem;
  else if (settings.caSecret !== undefined) tls.ca = await read(settings.caSecret, 'CA bundle');
  const cert = settings.clientCertificate;
  if (cert !== undefined) {
    if (cert.format === 'pem') {
      tls.cert = await read(cert.certSecret, 'client certificate');
      tls.key = await read(cert.keySecret, 'client key');
    } else {
      const base64 = (await read(cert.pkcs12Secret, 'PKCS#12 bundle')).replace(/\s+/g, '');
      tls.pfx = Buffer.from(base64, 'base64');
    }
    if (cert.passphraseSecret !== undefined) {
      tls.passphrase = await read(cert.passphraseSecret, 'client certificate passphrase');
      secretValues.push(tls.passphrase);
    }
  }

  let proxyShown: string | null = null;
  let proxy: ExecuteOptions['proxy'];
  const noProxy = settings.noProxy ?? '';
  if (own.useProxy === false) proxy = { mode: 'none' };
  else if (override.proxyUrl !== undefined) {
    proxy = { mode: 'explicit', url: override.proxyUrl, noProxy };
    proxyShown = withoutCredentials(override.proxyUrl);
  } else if (settings.proxy !== undefined) {
    const url = new URL(settings.proxy.url);
    proxyShown = withoutCredentials(settings.proxy.url);
    if (settings.proxy.credentialsSecret !== undefined) {
      const pair = await read(settings.proxy.credentialsSecret, 'proxy credentials');
      const colon = pair.indexOf(':');
      if (colon < 0) throw new SigningError(`The proxy credentials "${settings.proxy.credentialsSecret}" must be written user:password.`);
      url.username = encodeURIComponent(pair.slice(0, colon));
      url.password = encodeURIComponent(pair.slice(colon + 1));
      secretValues.push(pair, pair.slice(colon + 1), url.password);
    }
    proxy = { mode: 'explicit', url: url.href, noProxy };
  }

  const certName = cert === undefined ? null : cert.format === 'pem' ? cert.certSecret : cert.pkcs12Secret;
  return {
    options: { tls, ...(proxy === undefined ? {} : { proxy }) },
    secretValues: secretValues.filter((value) => value !== ''),
    warning: policy.warning,
    facts: (target) => {
      const bypassed = proxyShown !== null && hostIsExcluded(target, noProxy);
      return {
        proxy: bypassed ? null : proxyShown,
        bypassedProxy: bypassed,
        caSecret: override.ca === undefined ? (settings.caSecret ?? null) : null,
        caFile: override.ca?.file ?? null,
        clientCertificate: certName,
        verifyTls: policy.verify,
        warning: policy.warning,
      };
    },
  };
}

function withoutCredentials(text: string): string {
  const url = new URL(text);
  url.username = '';
  url.password = '';
  return url.href.replace(/\/$/, '');
}

/** NO_PROXY matching as curl reads it: "*", a host, a ".domain" or "domain" suffix, optionally with :port. */
export function hostIsExcluded(target: string, noProxy: string): boolean {
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    return false;
  }
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  for (const raw of noProxy.split(/[\s,]+/)) {
    const entry = raw.trim().toLowerCase();
    if (entry === '') continue;
    if (entry === '*') return true;
    const match = /^(.*?)(?::(\d+))?$/.exec(entry.replace(/^\[|\](?=:|$)/g, ''));
    const name = (match?.[1] ?? entry).replace(/^\*?\./, '');
    if (match?.[2] !== undefined && match[2] !== port) continue;
    if (host === name || host.endsWith(`.${name}`)) return true;
  }
  return false;
}
