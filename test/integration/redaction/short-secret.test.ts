import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SendResult } from '../../../main/contract/requests.ts';
import { HISTORY_FILE_NAME } from '../../../main/history/history-file.ts';
import { redactionHarness, formsOf, type Harness } from './harness.ts';

// A 4-digit PIN: shorter than the redactor's substring minimum, so it is cut as a whole token only.
const PIN = '7391';
const API_KEY = 'ak_live_long_0a9b8c7d';
const BASIC_PAIR = Buffer.from(`merchant-7:${PIN}`, 'utf8').toString('base64');

/** Every place the PIN (or one of its forms) stands as a token of its own: a leak. A longer number that merely holds the digits is not one. */
function pinLeaks(text: string): string[] {
  const found = formsOf(PIN).flatMap((form) => [...text.matchAll(new RegExp(`(?<![\\p{L}\\p{N}])${form}(?![\\p{L}\\p{N}])`, 'gu'))].map((match) => match[0]));
  return text.includes(BASIC_PAIR) ? [...found, BASIC_PAIR] : found;
}

describe('a 4-digit PIN from the vault leaves main in no output', () => {
  let h: Harness;
  let result: SendResult;
  beforeAll(async () => {
    h = await redactionHarness();
    await h.setSecret('pin', PIN);
    await h.setSecret('api_key', API_KEY);
    h.shape({
      method: 'POST',
      url: '{{base}}/pay/7391x',
      params: [
        { name: 'pin', value: '{{secret:pin}}', enabled: true },
        // A longer number holding the same digits is ordinary data and stays readable.
        { name: 'order', value: '173910', enabled: true },
      ],
      headers: [
        { name: 'X-Pin', value: '{{secret:pin}}', enabled: true },
        { name: 'X-Api-Key', value: '{{secret:api_key}}', enabled: true },
      ],
      body: { kind: 'json', text: '{"pin":"{{secret:pin}}","key":"{{secret:api_key}}"}' },
    });
    await h.call('workspace:set-auth', { id: h.ids.requestId, auth: { mode: 'chain', steps: [{ type: 'basic', username: 'merchant-7', password: '{{secret:pin}}' }] } });
    result = await h.call<SendResult>('requests:send', h.ids);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('went on the wire (the echo answered it back) and came back redacted in the exchange and its trace', () => {
    expect(result.outcome.ok).toBe(true);
    const preview = result.outcome.ok ? result.outcome.response.preview.data : '';
    // The echo server returned the request: its query, headers and body, each with the PIN cut out.
    expect(preview).toContain('pin=[redacted]');
    expect(preview).toContain('"x-pin":"[redacted]"');
    expect(preview).toContain('Basic [redacted]');
    expect(preview).toContain('order=173910');
    expect(preview).toContain('/pay/7391x');
    expect(result.traces.length).toBeGreaterThan(0);
    expect(pinLeaks(JSON.stringify(result))).toEqual([]);
    expect(JSON.stringify(result)).not.toContain(API_KEY);
  });

  it('is in no History entry, in memory or on disk', async () => {
    const list = await h.call<{ id: string }[]>('history:list', {});
    expect(list.length).toBeGreaterThan(0);
    const entry = await h.call('history:get', { id: list[0]!.id });
    expect(JSON.stringify(entry)).toContain('173910');
    expect(pinLeaks(JSON.stringify(list))).toEqual([]);
    expect(pinLeaks(JSON.stringify(entry))).toEqual([]);
    await h.backend.history.flush();
    const dataDir = (await h.call<{ dataDir: string }>('app:info', {})).dataDir;
    const onDisk = await readFile(join(dataDir, HISTORY_FILE_NAME), 'utf8');
    expect(onDisk).toContain('173910');
    expect(pinLeaks(onDisk)).toEqual([]);
  });

  it('is in no event payload, the callback inbox\'s included', async () => {
    const status = await h.call<{ url: string }>('inbox:start', { host: '127.0.0.1', port: 0 });
    await h.allowHost(['pin', 'api_key'], status.url);
    h.shape({
      method: 'POST',
      url: `${status.url}/callback/{{secret:pin}}`,
      headers: [{ name: 'X-Pin', value: '{{secret:pin}}', enabled: true }],
      body: { kind: 'json', text: '{"pin":"{{secret:pin}}","order":"173910"}' },
    });
    const sent = await h.call<SendResult>('requests:send', h.ids);
    expect(sent.outcome.ok).toBe(true);
    const received = h.events.filter((event) => event.startsWith('inbox:received'));
    expect(received).toHaveLength(1);
    expect(received[0]).toContain('{\\"pin\\":\\"[redacted]\\",\\"order\\":\\"173910\\"}');
    expect(h.events.some((event) => event.startsWith('history:changed'))).toBe(true);
    expect(pinLeaks(h.events.join('\n'))).toEqual([]);
    await h.call('inbox:stop', {});
  });

  it('is cut from what a later channel answers (the ledger), but not from a longer number', async () => {
    h.shape({ url: '{{base}}/note', params: [{ name: 'memo', value: 'pin 7391 ref 739100', enabled: true }] });
    const tree = JSON.stringify(await h.call('workspace:get', { id: h.ids.requestId }));
    expect(tree).toContain('pin [redacted] ref 739100');
  });
});

describe('a 4-digit PIN served by an environment variable (the env provider) is redacted the same way', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await redactionHarness();
    h.backend.setSecretProviderEnvironment({ COUNTERSIGN_SECRET_REDACTION_MERCHANT_PIN: PIN });
    const doc = h.backend.workspace.document;
    const collectionId = doc.collections.find((id) => {
      const node = doc.nodes[id];
      return node?.kind === 'collection' && node.environments.some((environment) => environment.id === h.ids.environmentId);
    })!;
    // A provider's secret may go only to its environment's base URL host: the echo server is that host here.
    h.backend.workspace.updateEnvironment(collectionId, h.ids.environmentId, {
      secretProviders: [{ kind: 'env' }],
      variables: [
        { name: 'base', value: h.echoUrl, enabled: true },
        { name: 'baseUrl', value: h.echoUrl, enabled: true },
      ],
    });
    h.shape({ url: '{{base}}/pay', params: [{ name: 'pin', value: '{{secret:merchant_pin}}', enabled: true }, { name: 'order', value: '173910', enabled: true }] });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('is sent, named as served by the variable, and in no answer, History entry or event', async () => {
    const result = await h.call<SendResult>('requests:send', h.ids);
    expect(result.outcome.ok).toBe(true);
    expect(result.secretSources).toEqual([{ name: 'merchant_pin', provider: 'env', location: 'COUNTERSIGN_SECRET_REDACTION_MERCHANT_PIN' }]);
    const preview = result.outcome.ok ? result.outcome.response.preview.data : '';
    expect(preview).toContain('pin=[redacted]&order=173910');
    expect(pinLeaks(JSON.stringify(result))).toEqual([]);
    const list = await h.call<{ id: string }[]>('history:list', {});
    expect(pinLeaks(JSON.stringify(await h.call('history:get', { id: list[0]!.id })))).toEqual([]);
    expect(pinLeaks(h.events.join('\n'))).toEqual([]);
  });
});
