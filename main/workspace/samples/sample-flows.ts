import type { ExportedFlow } from '../exchange/format.ts';
import { SAMPLE_SECRET_NAMES as S } from './secret-names.ts';

/** The built-in flows of the samples; steps name the sample requests by name (sample-collections.ts). */

export function paynetFlows(): ExportedFlow[] {
  return [
    {
      name: 'Download report',
      description:
        'Gets a token, asks for a report (type, dates and format from the variables: yesterday\'s settlement CSV unless you change them), polls its status until READY and streams it to the downloads folder.',
      // The report's inputs: the "Request a report" body reads them, so the runner's form and `--var` change what is asked for.
      variables: [
        { name: 'reportType', value: 'settlement' },
        { name: 'dateFrom', value: '{{$yesterday}}' },
        { name: 'dateTo', value: '{{$yesterday}}' },
        { name: 'format', value: 'csv' },
      ],
      steps: [
        { kind: 'request', name: 'Token', request: ['Get access token'], captures: [], saveToFile: false, requireSuccess: true },
        {
          kind: 'request',
          name: 'Request the report',
          request: ['Request a report'],
          captures: [{ source: { from: 'json', path: '$.reportId' }, target: { to: 'variable', name: 'reportId' } }],
          saveToFile: false,
          requireSuccess: true,
        },
        {
          kind: 'request',
          name: 'Wait until it is ready',
          request: ['Report status'],
          captures: [],
          poll: { until: { source: { from: 'json', path: '$.status' }, operator: 'equals', value: 'READY' }, intervalSeconds: 1, timeoutSeconds: 120, maxAttempts: 60 },
          saveToFile: false,
          requireSuccess: true,
        },
        { kind: 'request', name: 'Download', request: ['Download report'], captures: [], saveToFile: true, requireSuccess: true },
      ],
    },
  ];
}

export function momoFlows(): ExportedFlow[] {
  return [
    {
      name: 'Provision sandbox API user',
      description:
        'Creates a new API user (its id is the UUID the MoMo scheme sends as X-Reference-Id) and an API key for it, stores the key in this environment\'s vault and the user in its apiUser variable, then fetches a token with them to prove they work. Sandbox only: MTN provisions production users in its partner portal.',
      variables: [],
      steps: [
        {
          kind: 'request',
          name: 'Create the API user',
          request: ['Create API user (sandbox provisioning)'],
          captures: [{ source: { from: 'sent-header', name: 'X-Reference-Id' }, target: { to: 'variable', name: 'apiUser' } }],
          saveToFile: false,
          requireSuccess: true,
        },
        {
          kind: 'request',
          name: 'Create its API key',
          request: ['Create API key (sandbox provisioning)'],
          captures: [
            { source: { from: 'json', path: '$.apiKey' }, target: { to: 'secret', name: S.momoApiKey } },
            { source: { from: 'value', template: '{{apiUser}}' }, target: { to: 'environment', name: 'apiUser' } },
          ],
          saveToFile: false,
          requireSuccess: true,
        },
        { kind: 'request', name: 'Prove it: fetch a token', request: ['Create access token'], captures: [], saveToFile: false, requireSuccess: true },
      ],
    },
    {
      name: 'Request to pay and wait for the callback',
      description:
        'Sends a request to pay whose X-Callback-Url points at the callback inbox, waits for the PUT that reports its final status (matched by its externalId), then reads the status back.',
      // The payment's inputs default to the environment's values; the runner's form and `--var` change them for one run.
      variables: [
        { name: 'callbackUrl', value: '{{$inboxUrl}}/momo/requesttopay' },
        { name: 'amount', value: '{{amount}}' },
        { name: 'currency', value: '{{currency}}' },
        { name: 'payerMsisdn', value: '{{payerMsisdn}}' },
      ],
      steps: [
        {
          kind: 'request',
          name: 'Request to pay',
          request: ['Request to pay'],
          captures: [
            { source: { from: 'sent-header', name: 'X-Reference-Id' }, target: { to: 'variable', name: 'referenceId' } },
            { source: { from: 'sent-json', path: '$.externalId' }, target: { to: 'variable', name: 'externalId' } },
          ],
          saveToFile: false,
          requireSuccess: true,
        },
        {
          kind: 'callback',
          name: 'Wait for the callback',
          match: '{{externalId}}',
          timeoutSeconds: 60,
          captures: [{ source: { from: 'json', path: '$.status' }, target: { to: 'variable', name: 'paymentStatus' } }],
        },
        {
          kind: 'request',
          name: 'Read the status back',
          request: ['Request to pay status'],
          captures: [{ source: { from: 'json', path: '$.status' }, target: { to: 'variable', name: 'confirmedStatus' } }],
          saveToFile: false,
          requireSuccess: true,
        },
      ],
    },
  ];
}
