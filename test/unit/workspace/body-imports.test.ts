import { describe, expect, it } from 'vitest';
import type { RequestNode } from '../../../main/contract/workspace.ts';
import { buildCurlCommand } from '../../../main/requests/curl.ts';
import { curlBodyArguments } from '../../../main/requests/curl-body.ts';
import { parseCurl } from '../../../main/workspace/curl/parse-curl.ts';
import { exportCollectionText } from '../../../main/workspace/exchange/export-collection.ts';
import { parseCollectionFile } from '../../../main/workspace/exchange/import-collection.ts';
import { convertPostman } from '../../../main/workspace/postman/import-postman.ts';
import { toSigningRequest } from '../../../main/workspace/to-signing-request.ts';
import { openService, smallTree, tempDir } from './helpers.ts';

const SCHEMA = 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json';

describe('curl import: -F and --data-binary @file', () => {
  it('reads text and file parts, with type and filename, quoted paths keeping ; and ,', () => {
    const { request, warnings } = parseCurl(
      `curl https://x.test/up -F 'merchant=M-1' --form-string 'note=@not-a-file' -F 'doc=@/data/a.pdf;type=application/pdf;filename=statement.pdf' -F 'q=@"/data/q \\"1\\";x.csv";type=text/csv'`,
    );
    expect(request.method).toBe('POST');
    expect(request.body).toEqual({
      kind: 'multipart',
      parts: [
        { kind: 'text', name: 'merchant', value: 'M-1', enabled: true },
        { kind: 'text', name: 'note', value: '@not-a-file', enabled: true },
        { kind: 'file', name: 'doc', path: '/data/a.pdf', enabled: true, contentType: 'application/pdf', fileName: 'statement.pdf' },
        { kind: 'file', name: 'q', path: '/data/q "1";x.csv', enabled: true, contentType: 'text/csv' },
      ],
    });
    expect(warnings).toEqual([]);
  });

  it('--data-binary @/path becomes a binary-file body typed by the Content-Type header', () => {
    const { request } = parseCurl(`curl -X PUT https://x.test/bin -H 'Content-Type: application/pdf' --data-binary @/data/a.pdf`);
    expect(request.body).toEqual({ kind: 'binary', path: '/data/a.pdf', contentType: 'application/pdf' });
  });
});

describe('copy as curl, read back by curl import', () => {
  const node = (body: RequestNode['body']): RequestNode => ({ kind: 'request', id: 'r', parentId: 'c', name: 'r', method: 'POST', url: 'https://x.test/up', params: [], headers: [], body, auth: { mode: 'inherit' } });

  it.each([
    [
      'multipart',
      {
        kind: 'multipart' as const,
        parts: [
          { kind: 'text' as const, name: 'merchant', value: "Tom's @shop; <b>", enabled: true },
          { kind: 'file' as const, name: 'doc', path: '/data/report; Q3, "final".csv', enabled: true, contentType: 'text/csv', fileName: 'r;1.csv' },
          { kind: 'file' as const, name: 'plain', path: '/data/plain.bin', enabled: true },
        ],
      },
    ],
    ['binary', { kind: 'binary' as const, path: "/data/it's.bin", contentType: 'application/pdf' }],
  ])('%s body', (_label, body) => {
    const signing = toSigningRequest(node(body));
    const fileArgs = curlBodyArguments(signing.body);
    if (fileArgs === null) throw new Error('no curl arguments');
    const headers = signing.headers.map((header) => [header.name, header.value] as const);
    const command = buildCurlCommand({ method: 'POST', url: signing.url, headers, body: null, fileArgs });
    expect(parseCurl(command).request.body).toEqual(body);
  });
});

describe('Postman import: formdata and file bodies', () => {
  const collection = {
    info: { name: 'Uploads', schema: SCHEMA },
    item: [
      {
        name: 'Upload',
        request: {
          method: 'POST',
          url: 'https://h/upload',
          body: {
            mode: 'formdata',
            formdata: [
              { key: 'merchant', value: 'M-1', type: 'text' },
              { key: 'doc', type: 'file', src: '/data/a.pdf', contentType: 'application/pdf' },
              { key: 'many', type: 'file', src: ['/data/1.csv', '/data/2.csv'], disabled: true },
              { key: 'none', type: 'file', src: null },
            ],
          },
        },
      },
      { name: 'Put file', request: { method: 'PUT', url: 'https://h/bin', header: [{ key: 'Content-Type', value: 'image/png' }], body: { mode: 'file', file: { src: '/data/logo.png' } } } },
    ],
  };
  const { draft, warnings } = convertPostman(JSON.stringify(collection));

  it('a formdata body becomes multipart: text fields, one part per file, disabled kept unticked', () => {
    const upload = draft.items[0];
    expect(upload?.type === 'request' && upload.body).toEqual({
      kind: 'multipart',
      parts: [
        { kind: 'text', name: 'merchant', value: 'M-1', enabled: true },
        { kind: 'file', name: 'doc', path: '/data/a.pdf', enabled: true, contentType: 'application/pdf' },
        { kind: 'file', name: 'many', path: '/data/1.csv', enabled: false },
        { kind: 'file', name: 'many', path: '/data/2.csv', enabled: false },
        { kind: 'file', name: 'none', path: '', enabled: true },
      ],
    });
    expect(warnings.join('\n')).toMatch(/"none" names no file[\s\S]*reads \/data\/a\.pdf, \/data\/1\.csv, \/data\/2\.csv when sent/);
  });

  it('a file body becomes a binary-file body with the request Content-Type', () => {
    const put = draft.items[1];
    expect(put?.type === 'request' && put.body).toEqual({ kind: 'binary', path: '/data/logo.png', contentType: 'image/png' });
  });
});

describe('collection export and import keep file bodies (paths, never contents)', () => {
  it('round-trips a multipart and a binary-file body through countersign.collection', () => {
    const temp = tempDir();
    try {
      const service = openService(temp.dir);
      const { collection, pay, ping } = smallTree(service);
      const multipart: RequestNode['body'] = {
        kind: 'multipart',
        parts: [
          { kind: 'text', name: 'merchant', value: '{{merchantId}}', enabled: true },
          { kind: 'file', name: 'doc', path: '/data/a.pdf', enabled: false, contentType: 'application/pdf', fileName: 'b.pdf' },
        ],
      };
      const binary: RequestNode['body'] = { kind: 'binary', path: '/data/x.bin', contentType: 'image/png' };
      service.updateRequest(pay, { body: multipart });
      service.updateRequest(ping, { body: binary });
      const { text } = exportCollectionText(service.document, collection, new Date('2026-01-02T00:00:00Z'));
      const bodies: unknown[] = [];
      const walk = (items: readonly { type: string; body?: unknown; items?: unknown }[]) => {
        for (const item of items) {
          if (item.type === 'request') bodies.push(item.body);
          else walk((item.items ?? []) as { type: string }[]);
        }
      };
      walk(parseCollectionFile(text).collection.items);
      expect(bodies).toContainEqual(multipart);
      expect(bodies).toContainEqual(binary);
    } finally {
      temp.cleanup();
    }
  });
});
