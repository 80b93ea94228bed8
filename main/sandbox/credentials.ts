/**
 * The fixed, published credentials of the built-in sandbox. They protect
 * nothing (the sandbox listens on loopback only) and exist so first-run
 * samples and tests talk to the sandbox with the same values.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const fixture = (name: string): string => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

export const SANDBOX_MERCHANT_PUBLIC_KEY_PATH = fixture('merchant-public-key.pem');
/** TEST ONLY: a published private key, for signing sandbox samples. */
export const SANDBOX_MERCHANT_PRIVATE_KEY_PATH = fixture('merchant-private-key.TEST-ONLY.pem');

export type PaynetCredentials = { clientId: string; clientSecret: string };
export type MomoCredentials = { subscriptionKey: string; apiUser: string; apiKey: string; providerCallbackHost: string };
export type CentagateCredentials = { integrationKey: string; secretKey: string; username: string; devAccId: string };
export type ElecsnetMerchant = { login: string; controlKey: string; publicKeyPem: string };

export type SandboxCredentials = {
  paynet: PaynetCredentials;
  momo: MomoCredentials;
  centagate: CentagateCredentials;
  elecsnet: ElecsnetMerchant;
};

export const SANDBOX_CREDENTIALS: SandboxCredentials = {
  paynet: {
    clientId: 'sandbox-osp-client',
    clientSecret: 'sandbox-osp-secret-0f3c9a7e51d2',
  },
  momo: {
    subscriptionKey: '5a1d0c6e2b9f4e37a8c41d0b6f2e9a13',
    // A pre-provisioned API user so samples can ask for a token straight away.
    apiUser: '3f6b2c1e-8d4a-4b7e-9c05-1a2b3c4d5e6f',
    apiKey: '9e8d7c6b5a4f4e3d2c1b0a9f8e7d6c5b',
    providerCallbackHost: '127.0.0.1',
  },
  centagate: {
    integrationKey: 'sandbox-integration-key-7d21',
    secretKey: 'sandbox-centagate-secret-4b90e6',
    username: 'sandbox.user',
    devAccId: 'sandbox-device-01',
  },
  elecsnet: {
    login: 'sandbox-merchant',
    controlKey: '0C1D2E3F-4A5B-4C6D-8E7F-90A1B2C3D4E5',
    publicKeyPem: readFileSync(SANDBOX_MERCHANT_PUBLIC_KEY_PATH, 'utf8'),
  },
};

/** The test-only private key matching the default merchant's registered public key. */
export function readSandboxMerchantPrivateKey(): string {
  return readFileSync(SANDBOX_MERCHANT_PRIVATE_KEY_PATH, 'utf8');
}

/** Published ids of objects the sandbox holds from the start, so the status and download samples work before any flow runs. */
export const SANDBOX_SAMPLE_IDS = {
  /** A READY settlement report of 64 KiB. */
  paynetReportId: 'RPT-SAMPLE',
  /** A request to pay that already succeeded. */
  momoReferenceId: '0b5e0f4a-2c1d-4e8f-9a7b-6c5d4e3f2a10',
} as const;
