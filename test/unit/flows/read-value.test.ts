import { describe, expect, it } from 'vitest';
import type { ValueSource } from '../../../main/contract/flow-model.ts';
import type { ExchangeView } from '../../../main/flows/exchange-view.ts';
import { callbackView, responseView } from '../../../main/flows/exchange-view.ts';
import { readValue } from '../../../main/flows/read-value.ts';
import { resolvePlainTemplate } from '../../../main/flows/templates.ts';
import { callbackEntry, response, sentPreview } from './fakes.ts';

const BODY = JSON.stringify({
  status: 'READY',
  count: 3,
  ok: true,
  gone: null,
  report: { id: 'RPT-1', parts: [{ name: 'a' }, { name: 'b' }] },
  items: [
    { id: 'a', v: 'first' },
    { id: 'b', v: 'second' },
  ],
});

function view(body: string, extra: Partial<ExchangeView> = {}): ExchangeView {
  return {
    status: 201,
    headers: [
      ['content-type', 'application/json'],
      ['Location', '/reports/RPT-1'],
      ['location', '/second'],
    ],
    body,
    sent: sentPreview({ headers: [{ name: 'X-Reference-Id', value: 'ref-123' }], body: JSON.stringify({ externalId: 'ext-9', amount: '10' }) }),
    ...extra,
  };
}

const noTemplates = (text: string) => resolvePlainTemplate(text, {}, {});
const read = (source: ValueSource, exchange: ExchangeView = view(BODY)) => readValue(source, exchange, noTemplates);

describe('readValue', () => {
  it('reads the first JSONPath match, nested and in arrays', () => {
    expect(read({ from: 'json', path: '$.status' })).toEqual({ found: true, value: 'READY' });
    expect(read({ from: 'json', path: '$.report.parts[1].name' })).toEqual({ found: true, value: 'b' });
    expect(read({ from: 'json', path: '$.items[*].id' })).toEqual({ found: true, value: 'a' });
    expect(read({ from: 'json', path: '$..name' })).toEqual({ found: true, value: 'a' });
  });

  it('returns an object or array match as JSON text', () => {
    expect(read({ from: 'json', path: '$.report.parts[0]' })).toEqual({ found: true, value: '{"name":"a"}' });
    expect(read({ from: 'json', path: '$.report.parts' })).toEqual({ found: true, value: '[{"name":"a"},{"name":"b"}]' });
  });

  it('turns numbers, booleans and null into their JSON text', () => {
    expect(read({ from: 'json', path: '$.count' })).toEqual({ found: true, value: '3' });
    expect(read({ from: 'json', path: '$.ok' })).toEqual({ found: true, value: 'true' });
    expect(read({ from: 'json', path: '$.gone' })).toEqual({ found: true, value: 'null' });
  });

  it('says when a path matches nothing', () => {
    expect(read({ from: 'json', path: '$.missing' })).toEqual({ found: false, reason: '$.missing matched nothing in the response body' });
  });

  it('says when the body is not JSON, or is a JSON scalar a path cannot walk', () => {
    expect(read({ from: 'json', path: '$.status' }, view('<html>busy</html>'))).toEqual({ found: false, reason: 'the response body is not JSON' });
    expect(read({ from: 'json', path: '$.status' }, view('"READY"'))).toEqual({ found: false, reason: 'the response body is not a JSON object or array' });
    expect(read({ from: 'json', path: '$' }, view('"READY"'))).toEqual({ found: true, value: 'READY' });
    expect(read({ from: 'json', path: '$' }, view('42'))).toEqual({ found: true, value: '42' });
  });

  it('names an invalid JSONPath in its reason', () => {
    const result = read({ from: 'json', path: "$.items[?(@.id==)]" });
    expect(result.found).toBe(false);
    if (!result.found) expect(result.reason).toMatch(/^the JSONPath \$\.items\[\?\(@\.id==\)\] is not valid \(.+\)$/);
  });

  it('runs filter expressions', () => {
    expect(read({ from: 'json', path: "$.items[?(@.id=='b')].v" })).toEqual({ found: true, value: 'second' });
    expect(read({ from: 'json', path: '$.items[?(@.v!="first")].id' })).toEqual({ found: true, value: 'b' });
  });

  it('never runs JavaScript from a path: constructor, process, require and globalThis stay out of reach', () => {
    const attempts = [
      "$.items[?(@.id.constructor.constructor('globalThis.flowPwned = 1')())]",
      "$.items[?(@.constructor.constructor('return process')().exit(7))]",
      "$[?(this.constructor.constructor('globalThis.flowPwned = 1')())]",
      "$.items[?(require('node:fs').writeFileSync('/tmp/flow-pwned', 'x'))]",
      '$.items[?(process.exit(7))]',
      '$.items[?(globalThis.flowPwned = 1)]',
      '$.status.constructor',
    ];
    for (const path of attempts) {
      const result = read({ from: 'json', path });
      // Either nothing matched or the path was refused with a reason; never a value computed by code.
      expect(result.found, path).toBe(false);
    }
    expect((globalThis as { flowPwned?: unknown }).flowPwned).toBeUndefined();
  });

  it('reads headers case-insensitively, the first of repeated ones', () => {
    expect(read({ from: 'header', name: 'LOCATION' })).toEqual({ found: true, value: '/reports/RPT-1' });
    expect(read({ from: 'header', name: 'Content-Type' })).toEqual({ found: true, value: 'application/json' });
    expect(read({ from: 'header', name: 'X-Missing' })).toEqual({ found: false, reason: 'the response has no X-Missing header' });
  });

  it('reads the status as text', () => {
    expect(read({ from: 'status' })).toEqual({ found: true, value: '201' });
  });

  it('reads the request as sent: a header, case-insensitively, and its JSON body', () => {
    expect(read({ from: 'sent-header', name: 'x-reference-id' })).toEqual({ found: true, value: 'ref-123' });
    expect(read({ from: 'sent-json', path: '$.externalId' })).toEqual({ found: true, value: 'ext-9' });
    expect(read({ from: 'sent-json', path: '$.nope' })).toEqual({ found: false, reason: '$.nope matched nothing in the body as sent' });
    expect(read({ from: 'sent-header', name: 'X-Other' })).toEqual({ found: false, reason: 'the request as sent has no X-Other header' });
  });

  it('resolves a value template with the resolver it is given', () => {
    const result = readValue({ from: 'value', template: 'user {{apiUser}} in {{region}}' }, view(BODY), (text) => resolvePlainTemplate(text, { apiUser: 'u-1' }, { region: 'eu' }));
    expect(result).toEqual({ found: true, value: 'user u-1 in eu' });
  });

  it('reads a callback: body and headers yes, status and the sent request no', () => {
    const callback = callbackView(callbackEntry({ body: '{"status":"SUCCESSFUL"}', headers: [['X-Callback-Token', 'cb-1']] }));
    expect(read({ from: 'json', path: '$.status' }, callback)).toEqual({ found: true, value: 'SUCCESSFUL' });
    expect(read({ from: 'header', name: 'x-callback-token' }, callback)).toEqual({ found: true, value: 'cb-1' });
    expect(read({ from: 'status' }, callback)).toEqual({ found: false, reason: 'a callback has no status to read' });
    expect(read({ from: 'sent-header', name: 'X-Reference-Id' }, callback)).toEqual({ found: false, reason: 'only a request step has a sent request' });
    expect(read({ from: 'sent-json', path: '$.a' }, callback)).toEqual({ found: false, reason: 'only a request step has a sent request' });
    // Messages name what was read: the callback, not a response.
    expect(read({ from: 'json', path: '$.nothing' }, callback)).toEqual({ found: false, reason: '$.nothing matched nothing in the callback body' });
    expect(read({ from: 'header', name: 'X-Absent' }, callback)).toEqual({ found: false, reason: 'the callback has no X-Absent header' });
  });

  it('reads a response whose preview is base64 as its UTF-8 text', () => {
    const outcome = response({ body: '' });
    outcome.response.preview = { encoding: 'base64', data: Buffer.from('{"status":"READY"}').toString('base64'), truncated: false };
    expect(read({ from: 'json', path: '$.status' }, responseView(outcome, sentPreview()))).toEqual({ found: true, value: 'READY' });
  });
});
