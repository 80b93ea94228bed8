import { NetworkSettings, ProxyUrl, type ClientCertificate } from '../../contract/network.ts';
import { SecretRefName } from '../../contract/names.ts';
import { EXIT } from '../exit-codes.ts';
import { CliError } from '../io.ts';

/** `env set` flags that change network settings: each takes a value (a vault name, a URL, a host list). */
export const NETWORK_SET_OPTIONS = {
  proxy: { type: 'string' },
  'proxy-credentials-secret': { type: 'string' },
  'no-proxy': { type: 'string' },
  'ca-secret': { type: 'string' },
  'client-cert-secret': { type: 'string' },
  'client-key-secret': { type: 'string' },
  'client-key-passphrase-secret': { type: 'string' },
  'pkcs12-secret': { type: 'string' },
  'pkcs12-passphrase-secret': { type: 'string' },
  insecure: { type: 'boolean', default: false },
  verify: { type: 'boolean', default: false },
} as const;

/** `env unset` flags: each removes one setting. */
export const NETWORK_UNSET_OPTIONS = {
  proxy: { type: 'boolean', default: false },
  'no-proxy': { type: 'boolean', default: false },
  'ca-secret': { type: 'boolean', default: false },
  'client-cert': { type: 'boolean', default: false },
  insecure: { type: 'boolean', default: false },
} as const;

export type NetworkSetValues = { [K in keyof typeof NETWORK_SET_OPTIONS]?: (typeof NETWORK_SET_OPTIONS)[K]['type'] extends 'string' ? string | undefined : boolean | undefined };
export type NetworkUnsetValues = { [K in keyof typeof NETWORK_UNSET_OPTIONS]?: boolean | undefined };

function secretName(flag: string, value: string): string {
  const parsed = SecretRefName.safeParse(value);
  if (!parsed.success) throw new CliError(`--${flag} takes a vault secret name, not "${value}": ${parsed.error.issues[0]?.message ?? ''}`, EXIT.usage);
  return parsed.data;
}

/** True when any network flag was given. */
export function changesNetwork(values: NetworkSetValues | NetworkUnsetValues): boolean {
  return Object.values(values).some((value) => value !== undefined && value !== false);
}

/** The environment's settings with the `env set` flags applied; refuses a mix that cannot work. */
export function applyNetworkSet(current: NetworkSettings | undefined, values: NetworkSetValues): NetworkSettings {
  const next: NetworkSettings = { ...(current ?? {}) };
  if (values.insecure === true && values.verify === true) throw new CliError('Give --insecure or --verify, not both.', EXIT.usage);
  if (values.proxy !== undefined) {
    const url = ProxyUrl.safeParse(values.proxy);
    if (!url.success) throw new CliError(`--proxy: ${url.error.issues[0]?.message ?? 'not a proxy URL'}`, EXIT.usage);
    next.proxy = { url: url.data, ...(next.proxy?.credentialsSecret === undefined ? {} : { credentialsSecret: next.proxy.credentialsSecret }) };
  }
  if (values['proxy-credentials-secret'] !== undefined) {
    if (next.proxy === undefined) throw new CliError('--proxy-credentials-secret needs a proxy: add --proxy URL.', EXIT.usage);
    next.proxy = { ...next.proxy, credentialsSecret: secretName('proxy-credentials-secret', values['proxy-credentials-secret']) };
  }
  if (values['no-proxy'] !== undefined) next.noProxy = values['no-proxy'];
  if (values['ca-secret'] !== undefined) next.caSecret = secretName('ca-secret', values['ca-secret']);
  next.clientCertificate = clientCertificate(next.clientCertificate, values);
  if (next.clientCertificate === undefined) delete next.clientCertificate;
  if (values.insecure === true) next.verifyTls = false;
  if (values.verify === true) delete next.verifyTls;
  return NetworkSettings.parse(next);
}

function clientCertificate(current: ClientCertificate | undefined, values: NetworkSetValues): ClientCertificate | undefined {
  const cert = values['client-cert-secret'];
  const key = values['client-key-secret'];
  const pemPassphrase = values['client-key-passphrase-secret'];
  const pkcs12 = values['pkcs12-secret'];
  const pkcs12Passphrase = values['pkcs12-passphrase-secret'];
  const pemGiven = cert !== undefined || key !== undefined || pemPassphrase !== undefined;
  const pkcs12Given = pkcs12 !== undefined || pkcs12Passphrase !== undefined;
  if (pemGiven && pkcs12Given) throw new CliError('A client certificate is PEM (--client-cert-secret, --client-key-secret) or PKCS#12 (--pkcs12-secret), not both.', EXIT.usage);
  if (pemGiven) {
    const base = current?.format === 'pem' ? current : undefined;
    const certSecret = cert === undefined ? base?.certSecret : secretName('client-cert-secret', cert);
    const keySecret = key === undefined ? base?.keySecret : secretName('client-key-secret', key);
    if (certSecret === undefined || keySecret === undefined) {
      throw new CliError('A PEM client certificate needs both --client-cert-secret and --client-key-secret.', EXIT.usage);
    }
    const passphraseSecret = pemPassphrase === undefined ? base?.passphraseSecret : secretName('client-key-passphrase-secret', pemPassphrase);
    return { format: 'pem', certSecret, keySecret, ...(passphraseSecret === undefined ? {} : { passphraseSecret }) };
  }
  if (pkcs12Given) {
    const base = current?.format === 'pkcs12' ? current : undefined;
    const pkcs12Secret = pkcs12 === undefined ? base?.pkcs12Secret : secretName('pkcs12-secret', pkcs12);
    if (pkcs12Secret === undefined) throw new CliError('--pkcs12-passphrase-secret needs --pkcs12-secret.', EXIT.usage);
    const passphraseSecret = pkcs12Passphrase === undefined ? base?.passphraseSecret : secretName('pkcs12-passphrase-secret', pkcs12Passphrase);
    return { format: 'pkcs12', pkcs12Secret, ...(passphraseSecret === undefined ? {} : { passphraseSecret }) };
  }
  return current;
}

/** The environment's settings with the `env unset` flags applied. */
export function applyNetworkUnset(current: NetworkSettings | undefined, values: NetworkUnsetValues): NetworkSettings {
  const next: NetworkSettings = { ...(current ?? {}) };
  if (values.proxy === true) delete next.proxy;
  if (values['no-proxy'] === true) delete next.noProxy;
  if (values['ca-secret'] === true) delete next.caSecret;
  if (values['client-cert'] === true) delete next.clientCertificate;
  if (values.insecure === true) delete next.verifyTls;
  return next;
}

/** One line per setting, names only, for `env list`. */
export function describeNetwork(network: NetworkSettings | undefined): string[] {
  if (network === undefined) return [];
  const lines: string[] = [];
  if (network.proxy) lines.push(`proxy: ${network.proxy.url}${network.proxy.credentialsSecret ? ` (credentials: secret ${network.proxy.credentialsSecret})` : ''}`);
  if (network.noProxy) lines.push(`no proxy: ${network.noProxy}`);
  if (network.caSecret) lines.push(`CA: secret ${network.caSecret}`);
  const cert = network.clientCertificate;
  if (cert?.format === 'pem') lines.push(`client certificate: secrets ${cert.certSecret} + ${cert.keySecret}${cert.passphraseSecret ? ` (passphrase: ${cert.passphraseSecret})` : ''}`);
  if (cert?.format === 'pkcs12') lines.push(`client certificate: PKCS#12 secret ${cert.pkcs12Secret}${cert.passphraseSecret ? ` (passphrase: ${cert.passphraseSecret})` : ''}`);
  if (network.verifyTls === false) lines.push('TLS VERIFICATION OFF (--insecure): certificates are not checked');
  return lines;
}
