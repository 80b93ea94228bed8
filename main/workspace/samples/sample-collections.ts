import type { AuthStep } from '../../contract/auth.ts';
import type { EnvironmentVariable, KeyValue } from '../../contract/workspace.ts';
import type { ExportedCollection, ExportedEnvironment, ExportedRequest } from '../exchange/format.ts';
import { momoFlows, paynetFlows } from './sample-flows.ts';
import { secretTemplate } from '../secret-fields.ts';
import { SAMPLE_SECRET_NAMES as S } from './secret-names.ts';

/** Non-secret sandbox values, taken from main/sandbox/credentials.ts by buildSampleWorkspace. */
export type SampleSandboxValues = {
  readonly sandboxOrigin: string;
  readonly paynetClientId: string;
  readonly momoApiUser: string;
  readonly centagateIntegrationKey: string;
  readonly centagateUsername: string;
  readonly centagateDevAccId: string;
  readonly elecsnetLogin: string;
  /** Objects the sandbox holds from the start (a READY report, a settled payment). */
  readonly paynetSampleReportId: string;
  readonly momoSampleReferenceId: string;
};

const vars = (entries: Record<string, string>): EnvironmentVariable[] => Object.entries(entries).map(([name, value]) => ({ name, value, enabled: true }));
const header = (name: string, value: string): KeyValue => ({ name, value, enabled: true });
const json = { kind: 'json' as const };

/** Sandbox (local), UAT and Production with the same variable names; only Sandbox has values for every one. */
function environments(secrets: string[], sandbox: Record<string, string>, uat: Record<string, string>, production: Record<string, string>): ExportedEnvironment[] {
  const blank = Object.fromEntries(Object.keys(sandbox).map((name) => [name, '']));
  return [
    { name: 'Sandbox', protected: false, variables: vars(sandbox), secrets, builtInSandbox: true },
    { name: 'UAT', protected: false, variables: vars({ ...blank, ...uat }), secrets },
    { name: 'Production', protected: true, variables: vars({ ...blank, ...production }), secrets },
  ];
}

function request(fields: Omit<ExportedRequest, 'type' | 'params' | 'headers' | 'body' | 'auth'> & Partial<ExportedRequest>): ExportedRequest {
  return { type: 'request', params: [], headers: [], body: { kind: 'none' }, auth: { mode: 'inherit' }, ...fields };
}

/** A request to pay's inputs in MTN's sandbox (its test currency is EUR; 46733123460 is a payer that succeeds); Production leaves them to the user. */
const PAYMENT_INPUTS = { amount: '5.00', currency: 'EUR', payerMsisdn: '46733123460' };

/** What "Request a report" asks for when run on its own; the "Download report" flow sets its own (sample-flows.ts). */
const REPORT_INPUTS = { reportType: 'settlement', dateFrom: '', dateTo: '', format: 'csv' };

function paynet(v: SampleSandboxValues): ExportedCollection {
  const secret = secretTemplate(S.paynetClientSecret);
  const chain: AuthStep[] = [
    { type: 'oauth2-client-credentials', tokenUrl: '{{tokenUrl}}', clientId: '{{clientId}}', clientSecret: secret, clientAuth: 'body' },
    { type: 'paynet-signature', clientSecret: secret },
  ];
  return {
    name: 'PayNet OSP',
    description: 'PayNet One Stop Portal reports API: an OAuth 2.0 client-credentials token, then X-Timestamp and X-Signature (hex HMAC-SHA256 of the timestamp keyed with the client secret) on every call. UAT and Production token URLs are from the PayNet API reference; the report paths follow the built-in sandbox.',
    auth: { mode: 'chain', steps: chain },
    environments: environments(
      [S.paynetClientSecret],
      { baseUrl: `${v.sandboxOrigin}/osp`, tokenUrl: `${v.sandboxOrigin}/osp/token`, clientId: v.paynetClientId, reportId: v.paynetSampleReportId, ...REPORT_INPUTS },
      { baseUrl: 'https://api.reports.uat.inet.paynet.my', tokenUrl: 'https://api.reports.uat.inet.paynet.my/token', ...REPORT_INPUTS },
      { baseUrl: 'https://api.reports.paynet.my', tokenUrl: 'https://api.reports.paynet.my/token', ...REPORT_INPUTS },
    ),
    items: [
      request({
        name: 'Get access token',
        description: 'The token call on its own, to see what the collection auth does first.',
        method: 'POST',
        url: '{{tokenUrl}}',
        headers: [header('Content-Type', 'application/x-www-form-urlencoded')],
        body: {
          kind: 'form',
          pairs: [
            { name: 'grant_type', value: 'client_credentials', enabled: true },
            { name: 'client_id', value: '{{clientId}}', enabled: true },
            { name: 'client_secret', value: secret, enabled: true },
          ],
        },
        auth: { mode: 'none' },
      }),
      request({
        name: 'Request a report',
        method: 'POST',
        url: '{{baseUrl}}/api/v1/reports',
        headers: [header('Content-Type', 'application/json'), header('Accept', 'application/json')],
        description: 'The report\'s inputs are variables: reportType, dateFrom and dateTo (YYYY-MM-DD; empty: the gateway\'s default period) and format. The "Download report" flow asks for them (yesterday\'s settlement CSV by default); here they come from the environment or --var. sizeBytes only sizes the sandbox\'s made-up report.',
        body: { ...json, text: '{\n  "reportType": "{{reportType}}",\n  "dateFrom": "{{dateFrom}}",\n  "dateTo": "{{dateTo}}",\n  "format": "{{format}}",\n  "sizeBytes": 8388608\n}' },
      }),
      request({
        name: 'Report status',
        description: 'PENDING until the report is ready, then READY. reportId is the sandbox\'s ready-made report until you set another; or run the "Download report" flow, which carries it over.',
        method: 'GET',
        url: '{{baseUrl}}/api/v1/reports/{{reportId}}',
        headers: [header('Accept', 'application/json')],
      }),
      request({
        name: 'Download report',
        description: 'Streams the CSV to the downloads folder, with progress.',
        method: 'GET',
        url: '{{baseUrl}}/api/v1/reports/{{reportId}}/download',
        settings: { saveToFile: true },
      }),
    ],
    flows: paynetFlows(),
  };
}

function momo(v: SampleSandboxValues): ExportedCollection {
  const base: AuthStep = {
    type: 'momo',
    subscriptionKey: secretTemplate(S.momoSubscriptionKey),
    apiUser: '{{apiUser}}',
    apiKey: secretTemplate(S.momoApiKey),
    targetEnvironment: '{{targetEnvironment}}',
    tokenPath: '/collection/token/',
    baseUrl: '{{baseUrl}}',
    useToken: true,
    referenceId: true,
  };
  // Provisioning calls carry the subscription key (and a reference id) but no token.
  const provisioning = (referenceId: boolean): ExportedRequest['auth'] => ({ mode: 'chain', steps: [{ ...base, useToken: false, referenceId }] });
  return {
    name: 'MTN MoMo',
    description: 'MTN MoMo Collection: Ocp-Apim-Subscription-Key on every call, a token from Basic(API user:API key), and a fresh X-Reference-Id (UUID v4) per request to pay. UAT is the MTN sandbox API host (sandbox.momodeveloper.mtn.com, target environment "sandbox"); Production hosts and the X-Target-Environment value (targetEnvironment, e.g. mtnuganda) are per country: fill them in.',
    auth: { mode: 'chain', steps: [base] },
    environments: environments(
      [S.momoSubscriptionKey, S.momoApiKey],
      { baseUrl: v.sandboxOrigin, apiUser: v.momoApiUser, targetEnvironment: 'sandbox', callbackUrl: '', referenceId: v.momoSampleReferenceId, ...PAYMENT_INPUTS },
      // The API host; momodeveloper.mtn.com (no sandbox.) is the developer portal, which serves no API.
      { baseUrl: 'https://sandbox.momodeveloper.mtn.com', targetEnvironment: 'sandbox', ...PAYMENT_INPUTS },
      {},
    ),
    items: [
      request({
        name: 'Request to pay',
        method: 'POST',
        url: '{{baseUrl}}/collection/v1_0/requesttopay',
        description: 'X-Callback-Url comes from the callbackUrl variable: empty asks for no callback. The "Request to pay and wait for the callback" flow points it at the callback inbox.',
        headers: [header('Content-Type', 'application/json'), header('X-Callback-Url', '{{callbackUrl}}')],
        body: {
          ...json,
          text: '{\n  "amount": "{{amount}}",\n  "currency": "{{currency}}",\n  "externalId": "{{$uuid}}",\n  "payer": { "partyIdType": "MSISDN", "partyId": "{{payerMsisdn}}" },\n  "payerMessage": "Countersign sample",\n  "payeeNote": "Thank you"\n}',
        },
      }),
      request({
        name: 'Request to pay status',
        description: 'The status of the request to pay whose X-Reference-Id is in the referenceId variable.',
        method: 'GET',
        url: '{{baseUrl}}/collection/v1_0/requesttopay/{{referenceId}}',
      }),
      request({
        name: 'Create access token',
        description: 'The token call on its own (MoMo calls it CreateAccessToken): Basic base64(API user:API key) and the subscription key.',
        method: 'POST',
        url: '{{baseUrl}}/collection/token/',
        auth: {
          mode: 'chain',
          steps: [
            { type: 'basic', username: '{{apiUser}}', password: secretTemplate(S.momoApiKey) },
            { type: 'api-key', in: 'header', name: 'Ocp-Apim-Subscription-Key', value: secretTemplate(S.momoSubscriptionKey) },
          ],
        },
      }),
      request({ name: 'Get API user', method: 'GET', url: '{{baseUrl}}/v1_0/apiuser/{{apiUser}}', auth: provisioning(false) }),
      request({
        name: 'Create API user (sandbox provisioning)',
        description: 'The MoMo scheme draws a fresh X-Reference-Id: that UUID is the new API user.',
        method: 'POST',
        url: '{{baseUrl}}/v1_0/apiuser',
        headers: [header('Content-Type', 'application/json')],
        body: { ...json, text: '{ "providerCallbackHost": "127.0.0.1" }' },
        auth: provisioning(true),
      }),
      request({
        name: 'Create API key (sandbox provisioning)',
        description: 'A new API key for the API user in apiUser. The answer holds the key: the provisioning flow stores it in the vault.',
        method: 'POST',
        url: '{{baseUrl}}/v1_0/apiuser/{{apiUser}}/apikey',
        auth: provisioning(false),
      }),
    ],
    flows: momoFlows(),
  };
}

/** The field order of seed 003's code samples, which the sandbox checks by default. */
const CENTAGATE_ORDER = ['username', 'devAccId', 'otp', 'challenge', 'details', 'authToken', 'integrationKey', 'unixTimestamp', 'supportFido', 'ipAddress', 'userAgent', 'browserFp'];

function centagate(v: SampleSandboxValues): ExportedCollection {
  const hmac: AuthStep = {
    type: 'hmac-fields',
    key: secretTemplate(S.centagateSecretKey),
    algorithm: 'sha256',
    encoding: 'hex',
    parts: CENTAGATE_ORDER.map((name) => ({ kind: 'field' as const, name })),
    output: { in: 'body', field: 'hmac' },
    timestampField: 'unixTimestamp',
  };
  const body = {
    username: '{{username}}',
    devAccId: '{{devAccId}}',
    otp: '123456',
    challenge: 'sample-challenge',
    details: 'Transfer 10.00 to account 1234',
    integrationKey: '{{integrationKey}}',
    unixTimestamp: '',
    transactionValue: '10.00',
    isTransaction: '1',
  };
  return {
    name: 'CENTAGATE',
    description: 'CENTAGATE authQRCode: hex HMAC-SHA256 over request fields concatenated in the code samples\' order, sent as the "hmac" body field. The seed gives no hosts: fill in UAT and Production.',
    auth: { mode: 'chain', steps: [hmac] },
    environments: environments(
      [S.centagateSecretKey],
      { baseUrl: v.sandboxOrigin, integrationKey: v.centagateIntegrationKey, username: v.centagateUsername, devAccId: v.centagateDevAccId },
      {},
      {},
    ),
    items: [
      request({
        name: 'authQRCode (transaction)',
        method: 'POST',
        url: '{{baseUrl}}/v2/CentagateWS/webresources/auth/authQRCode',
        headers: [header('Content-Type', 'application/json')],
        body: { ...json, text: JSON.stringify(body, null, 2) },
      }),
    ],
    flows: [],
  };
}

function elecsnet(v: SampleSandboxValues): ExportedCollection {
  const hmac: AuthStep = {
    type: 'oauth1',
    signatureMethod: 'HMAC-SHA1',
    consumerKey: '{{merchantLogin}}',
    consumerSecret: secretTemplate(S.elecsnetControlKey),
    realm: '',
    includeVersion: true,
    oauthParamsInBody: true,
  };
  const rsa: AuthStep = {
    type: 'oauth1',
    signatureMethod: 'RSA-SHA256',
    consumerKey: '{{merchantLogin}}',
    privateKey: secretTemplate(S.elecsnetPrivateKey),
    realm: '',
    includeVersion: true,
    oauthParamsInBody: true,
  };
  const sale = (orderPrefix: string): ExportedRequest['body'] => ({
    kind: 'form',
    pairs: [
      ['client_orderid', `${orderPrefix}-{{$uuid}}`],
      ['order_desc', 'Countersign sample order'],
      ['amount', '10.42'],
      ['currency', 'USD'],
      ['email', 'buyer@example.com'],
      ['ipaddress', '127.0.0.1'],
    ].map(([name = '', value = '']) => ({ name, value, enabled: true })),
  });
  const form = [header('Content-Type', 'application/x-www-form-urlencoded')];
  return {
    name: 'Elecsnet',
    description: 'Elecsnet (PaynetEasy style): two-legged OAuth 1.0a over a form body, the oauth_* parameters repeated in the body, HMAC-SHA1 keyed with the merchant control key or RSA-SHA256 with the merchant private key. UAT is the sandbox host from the Elecsnet documentation.',
    auth: { mode: 'chain', steps: [hmac] },
    environments: environments(
      [S.elecsnetControlKey, S.elecsnetPrivateKey],
      { baseUrl: v.sandboxOrigin, merchantLogin: v.elecsnetLogin, endpointId: '123' },
      { baseUrl: 'https://sandbox.elecsnet.ru', endpointId: '123' },
      {},
    ),
    items: [
      request({ name: 'Sale (HMAC-SHA1)', method: 'POST', url: '{{baseUrl}}/paynet/api/v2/sale-form/{{endpointId}}', headers: form, body: sale('hmac') }),
      request({
        name: 'Sale (RSA-SHA256)',
        method: 'POST',
        url: '{{baseUrl}}/paynet/api/v2/sale-form/{{endpointId}}',
        headers: form,
        body: sale('rsa'),
        auth: { mode: 'chain', steps: [rsa] },
      }),
    ],
    flows: [],
  };
}

/** One collection per gateway, in the order the sidebar shows them. */
export function sampleCollections(values: SampleSandboxValues): ExportedCollection[] {
  return [paynet(values), momo(values), centagate(values), elecsnet(values)];
}
