import { z } from 'zod';
import { SecretRefName } from './names.ts';

/**
 * Per-environment network settings: proxy, trusted CA, client certificate,
 * TLS verification. Only vault names are stored here, never a value: the
 * workspace is exported and shown, the vault is not.
 */

/** A proxy address without credentials: those live in the vault (`credentialsSecret`, "user:password"). */
export const ProxyUrl = z
  .string()
  .min(1)
  .max(2000)
  .superRefine((text, ctx) => {
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      ctx.addIssue({ code: 'custom', message: `The proxy "${text}" is not a URL: write it as http://host:port.` });
      return;
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') ctx.addIssue({ code: 'custom', message: 'A proxy URL starts with http:// or https://.' });
    if (url.username !== '' || url.password !== '') {
      ctx.addIssue({ code: 'custom', message: 'Put the proxy credentials in the vault ("user:password", named by credentialsSecret), not in the URL.' });
    }
  });

export const ProxySettings = z.object({
  url: ProxyUrl,
  /** A vault secret holding "user:password" for the proxy. */
  credentialsSecret: SecretRefName.optional(),
});
export type ProxySettings = z.output<typeof ProxySettings>;

/** mTLS: a PEM certificate and key, or one PKCS#12 bundle (stored base64 in the vault). */
export const ClientCertificate = z.discriminatedUnion('format', [
  z.object({
    format: z.literal('pem'),
    certSecret: SecretRefName,
    keySecret: SecretRefName,
    /** For an encrypted PEM key. */
    passphraseSecret: SecretRefName.optional(),
  }),
  z.object({ format: z.literal('pkcs12'), pkcs12Secret: SecretRefName, passphraseSecret: SecretRefName.optional() }),
]);
export type ClientCertificate = z.output<typeof ClientCertificate>;

export const NetworkSettings = z.object({
  proxy: ProxySettings.optional(),
  /** Hosts reached directly, comma-separated like NO_PROXY (e.g. "localhost,.internal"). */
  noProxy: z.string().max(10_000).optional(),
  /** A vault secret of kind certificate: PEM CA(s) trusted in addition to the system's. */
  caSecret: SecretRefName.optional(),
  clientCertificate: ClientCertificate.optional(),
  /** Absent means on. Off is shown as a warning on every send. */
  verifyTls: z.boolean().optional(),
});
export type NetworkSettings = z.output<typeof NetworkSettings>;

/** What a request may change for itself: switch the proxy or verification off, nothing that names a secret. */
export const RequestNetworkOverride = z.object({
  useProxy: z.boolean().optional(),
  verifyTls: z.boolean().optional(),
});
export type RequestNetworkOverride = z.output<typeof RequestNetworkOverride>;

/** Which network settings a send used, by name only: shown in the timing panel and history. */
export const NetworkFacts = z.object({
  /** The proxy URL without credentials, or null for a direct connection. */
  proxy: z.string().nullable(),
  /** The host was in the no-proxy list, so the proxy was skipped. */
  bypassedProxy: z.boolean(),
  caSecret: z.string().nullable(),
  /** The CLI's --ca FILE: the file's path. */
  caFile: z.string().nullable(),
  clientCertificate: z.string().nullable(),
  verifyTls: z.boolean(),
  /** Set while verification is off: shown loudly with the response. */
  warning: z.string().nullable(),
});
export type NetworkFacts = z.output<typeof NetworkFacts>;
