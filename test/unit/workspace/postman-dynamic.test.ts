import { describe, expect, it } from 'vitest';
import { convertPostman } from '../../../main/workspace/postman/import-postman.ts';
import { openService, tempDir } from './helpers.ts';
import { toImportSummary } from '../../../main/workspace/workspace-service.ts';

const SCHEMA = 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json';
const script = (listen: string, ...exec: string[]) => ({ listen, script: { type: 'text/javascript', exec } });

const collection = {
  info: { name: 'Dyn', schema: SCHEMA },
  event: [script('prerequest', 'pm.environment.set("x", 1)')],
  item: [
    {
      name: 'Pay',
      event: [script('prerequest', 'const sig = CryptoJS.HmacSHA256(...)'), script('test', 'pm.test("ok", () => {})')],
      request: {
        method: 'POST',
        url: { raw: 'https://h/pay/{{$guid}}?ts={{$timestamp}}', protocol: 'https', host: ['h'], path: ['pay', '{{$guid}}'], query: [{ key: 'ts', value: '{{$timestamp}}' }] },
        header: [{ key: 'X-Request-Id', value: '{{$randomUUID}}' }, { key: 'X-Email', value: '{{$randomEmail}}' }],
        body: { mode: 'raw', raw: '{"at": "{{$isoTimestamp}}", "n": {{$randomInt}}}', options: { raw: { language: 'json' } } },
      },
    },
    {
      name: 'Reports',
      item: [{ name: 'List', event: [script('test', '')], request: { method: 'GET', url: 'https://h/reports' } }],
    },
  ],
};

describe('Postman import: dynamic variables and scripts', () => {
  const { draft, warnings, droppedScripts } = convertPostman(JSON.stringify(collection));
  const pay = draft.items[0];

  it('maps $guid, $randomUUID, $timestamp, $isoTimestamp, $randomInt to ours', () => {
    if (pay?.type !== 'request') throw new Error('no request');
    expect(pay.url).toBe('https://h/pay/{{$uuid}}');
    expect(pay.params).toEqual([{ name: 'ts', value: '{{$timestamp}}', enabled: true }]);
    expect(pay.headers[0]?.value).toBe('{{$uuid}}');
    expect(pay.body).toMatchObject({ text: '{"at": "{{$isoTimestamp}}", "n": {{$randomInt}}}' });
  });

  it('flags one without an equivalent, by request, and leaves it as written', () => {
    if (pay?.type !== 'request') throw new Error('no request');
    expect(pay.headers[1]?.value).toBe('{{$randomEmail}}');
    expect(warnings.find((w) => w.includes('$randomEmail'))).toMatch(/^\/Pay: \{\{\$randomEmail\}\} is a Postman dynamic variable with no Countersign equivalent/);
  });

  it('lists the scripts it dropped, by request, skipping empty ones', () => {
    expect(droppedScripts).toEqual([
      { request: '(collection)', kinds: ['prerequest'] },
      { request: 'Pay', kinds: ['prerequest', 'test'] },
    ]);
  });

  it('the import summary carries them to the UI and the CLI', async () => {
    const temp = tempDir();
    try {
      const result = await openService(temp.dir).importPostman(JSON.stringify(collection));
      expect(toImportSummary(result).droppedScripts).toEqual(droppedScripts);
    } finally {
      temp.cleanup();
    }
  });
});
