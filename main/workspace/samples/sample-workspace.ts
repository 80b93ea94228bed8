import type { WorkspaceDocument } from '../../contract/workspace.ts';
import type { SecretToStore } from '../import-result.ts';
import { readSandboxMerchantPrivateKey, SANDBOX_CREDENTIALS, SANDBOX_SAMPLE_IDS, type SandboxCredentials } from '../../sandbox/credentials.ts';
import { emptyDocument } from '../document.ts';
import { materializeCollection } from '../exchange/materialize.ts';
import type { IdSource } from '../ids.ts';
import { sampleCollections } from './sample-collections.ts';
import { SAMPLE_SECRET_NAMES as S, SANDBOX_ENVIRONMENT_NAME } from './secret-names.ts';

export type SampleOptions = {
  /** Port of the built-in sandbox on 127.0.0.1. */
  readonly sandboxPort: number;
  readonly ids: IdSource;
  readonly credentials?: SandboxCredentials;
};

/** The first-run "Samples" workspace: PayNet OSP, MTN MoMo, CENTAGATE and Elecsnet. */
export function buildSampleWorkspace(options: SampleOptions): WorkspaceDocument {
  const c = options.credentials ?? SANDBOX_CREDENTIALS;
  const doc = emptyDocument();
  const collections = sampleCollections({
    sandboxOrigin: `http://127.0.0.1:${String(options.sandboxPort)}`,
    paynetClientId: c.paynet.clientId,
    momoApiUser: c.momo.apiUser,
    centagateIntegrationKey: c.centagate.integrationKey,
    centagateUsername: c.centagate.username,
    centagateDevAccId: c.centagate.devAccId,
    elecsnetLogin: c.elecsnet.login,
    paynetSampleReportId: SANDBOX_SAMPLE_IDS.paynetReportId,
    momoSampleReferenceId: SANDBOX_SAMPLE_IDS.momoReferenceId,
  });
  for (const draft of collections) materializeCollection(doc, options.ids, draft);
  return doc;
}

export type SandboxSecret = SecretToStore & { readonly environment: string };

/**
 * The vault entries the samples reference, with the sandbox's published
 * values, for the "Sandbox" environment. UAT and Production stay empty.
 */
export function sampleSandboxSecrets(credentials: SandboxCredentials = SANDBOX_CREDENTIALS, privateKeyPem: string = readSandboxMerchantPrivateKey()): SandboxSecret[] {
  const environment = SANDBOX_ENVIRONMENT_NAME;
  return [
    { environment, name: S.paynetClientSecret, value: credentials.paynet.clientSecret, kind: 'text' },
    { environment, name: S.momoSubscriptionKey, value: credentials.momo.subscriptionKey, kind: 'text' },
    { environment, name: S.momoApiKey, value: credentials.momo.apiKey, kind: 'text' },
    { environment, name: S.centagateSecretKey, value: credentials.centagate.secretKey, kind: 'text' },
    { environment, name: S.elecsnetControlKey, value: credentials.elecsnet.controlKey, kind: 'text' },
    { environment, name: S.elecsnetPrivateKey, value: privateKeyPem, kind: 'rsa_private_key' },
  ];
}
