import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KeyValue, RequestBody } from '../../../main/contract/workspace.ts';
import { leaks, redactionHarness, type Harness } from './harness.ts';

// Printable ASCII without the space at either end (a header value is trimmed on the wire, which would send a different value).
const secretChar = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+/=&?%#:;@!$\'()*,.-_~"\\<>[]{}|^`'.split(''));
const secret = fc
  .tuple(secretChar, fc.array(fc.oneof(secretChar, fc.constant(' ')), { minLength: 6, maxLength: 30 }), secretChar)
  .map(([first, middle, last]) => `${first}${middle.join('')}${last}`);

/** Where each generated secret goes in the request; a response that echoes the request is always part of it. */
const placement = fc.record({
  path: fc.boolean(),
  query: fc.boolean(),
  header: fc.boolean(),
  body: fc.constantFrom('none', 'form', 'json'),
  redirect: fc.boolean(),
});

describe('no encoded form of any secret leaves main, wherever the request carries it', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await redactionHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  it('holds for generated secrets in path, query, header, form or JSON body, a redirect target and an echoing response', async () => {
    await fc.assert(
      fc.asyncProperty(fc.record({ path: secret, query: secret, header: secret, body: secret }), placement, async (secrets, where) => {
        for (const [name, value] of Object.entries(secrets)) await h.setSecret(`s_${name}`, value);
        const params: KeyValue[] = where.query ? [{ name: 'key', value: '{{secret:s_query}}', enabled: true }] : [];
        const headers: KeyValue[] = where.header ? [{ name: 'X-Api-Key', value: '{{secret:s_header}}', enabled: true }] : [];
        const body: RequestBody =
          where.body === 'form'
            ? { kind: 'form', pairs: [{ name: 'client_secret', value: '{{secret:s_body}}', enabled: true }] }
            : where.body === 'json'
              ? { kind: 'json', text: '{"secret":"{{secret:s_body}}"}' }
              : { kind: 'none' };
        h.shape({
          method: where.body === 'none' ? 'GET' : 'POST',
          url: `{{base}}${where.redirect ? '/redirect' : ''}/p/${where.path ? '{{secret:s_path}}' : 'plain'}`,
          params,
          headers,
          body,
        });
        const eventsBefore = h.events.length;
        const outputs: unknown[] = [];
        // Through the door (dispatcher, ledger) and straight from the service (what the CLI prints), so each layer is checked on its own.
        for (const channel of ['requests:send', 'requests:sign', 'requests:curl'] as const) {
          const envelope = await h.backend.dispatcher.invoke(channel, h.ids, { door: 'test' });
          outputs.push(envelope);
        }
        outputs.push(await h.backend.requests.send(h.ids).catch((error: unknown) => (error instanceof Error ? error.message : String(error))));
        outputs.push(await h.backend.requests.sign(h.ids).catch((error: unknown) => (error instanceof Error ? error.message : String(error))));
        outputs.push(await h.backend.requests.curl(h.ids).catch((error: unknown) => (error instanceof Error ? error.message : String(error))));
        outputs.push(await h.call('history:list', { limit: 5 }));
        outputs.push(h.events.slice(eventsBefore));
        const text = JSON.stringify(outputs);
        expect(leaks(text, Object.values(secrets))).toEqual([]);
        // The sends did happen and were answered (the echo carries what arrived): the check above is not vacuous.
        expect(text).toContain('"status":200');
      }),
      { numRuns: 25, seed: 20261203 },
    );
  }, 120_000);
});
