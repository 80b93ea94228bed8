import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthChain, type AuthStepInput } from '../../../main/contract/auth.ts';
import { sendSigned } from '../../../main/requests/send-signed.ts';
import { MAX_FILE_BODY_BYTES, pathBeforeSigning } from '../../../main/requests/file-body.ts';
import { buildCurlCommand } from '../../../main/requests/curl.ts';
import { curlBodyArguments } from '../../../main/requests/curl-body.ts';
import { SigningError, TokenCache, type SigningRequest } from '../../../main/signing/index.ts';
import { checkMultipart, recordRequests, type Seen } from './multipart-check.ts';

// Multipart and binary-file bodies sent by our executor to a loopback server,
// the bytes received checked by code nobody here wrote: python3's email parser
// splits the multipart body, and oauthlib signs the same request by its own
// reading of RFC 5849 3.4.1.3 (a multipart body is not in the base string).

const NOW_MS = Date.UTC(2026, 10, 23, 9, 30);
const check = checkMultipart;

let server: Server;
let origin = '';
let tmp = '';
const seen: Seen[] = [];

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'countersign-file-bodies-'));
  server = createServer(recordRequests(seen));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(tmp, { recursive: true, force: true });
});

async function send(request: SigningRequest, auth: AuthStepInput[] = [], variables: Record<string, string> = {}) {
  const before = seen.length;
  const result = await sendSigned(
    { request, auth: AuthChain.parse(auth), environment: { name: 'UAT', variables: { baseUrl: origin, ...variables } } },
    {
      clock: { now: () => NOW_MS },
      nonces: { nonce: () => 'fixed-nonce-1', uuid: () => '00000000-0000-4000-8000-000000000000', randomInt: () => 7 },
      secrets: { get: (_env, name) => (name === 'control_key' ? Promise.resolve('ctrl-KEY ~*!&=+ü') : Promise.reject(new Error('no secret'))) },
      tokens: new TokenCache({ now: () => NOW_MS }),
    },
    {},
    undefined,
    // The test's own folder is the one the user allowed.
    { allowed: () => [tmp], never: () => [] },
  );
  return { result, got: seen.length > before ? seen.at(-1) : undefined };
}

describe('multipart/form-data bodies', () => {
  it('sends text and file parts that python3 email parses back byte for byte', async () => {
    // Bytes that could confuse a naive encoder: CRLF, dashes, a NUL, high bytes.
    const binary = Buffer.concat([Buffer.from('--not-a-boundary\r\n\r\n'), randomBytes(4096), Buffer.from([0, 13, 10, 255])]);
    const csv = Buffer.from('id,amount\r\n1,100.00\r\n');
    writeFileSync(join(tmp, 'blob.bin'), binary);
    writeFileSync(join(tmp, 'report "Q3".csv'), csv);
    const { result, got } = await send({
      method: 'POST',
      url: '{{baseUrl}}/upload',
      // A Content-Type without a boundary (as Postman exports carry) is replaced by main's.
      headers: [{ name: 'Content-Type', value: 'multipart/form-data' }],
      body: {
        kind: 'multipart',
        parts: [
          { kind: 'text', name: 'merchant', value: '{{merchant}}' },
          { kind: 'file', name: 'statement', path: join(tmp, 'report "Q3".csv'), contentType: 'text/csv' },
          { kind: 'file', name: 'blob', path: '{{dir}}/blob.bin', fileName: 'renamed.bin' },
        ],
      },
    }, [], { merchant: 'M-42 ü', dir: tmp });
    expect(result.outcome.ok).toBe(true);
    if (got === undefined) throw new Error('nothing reached the server');
    expect(got.headers['content-type']).toMatch(/^multipart\/form-data; boundary=.+/);
    const parsed = check(got);
    expect(parsed.defects).toEqual([]);
    expect(parsed.parts?.map((p) => [p.name, p.filename, p.content_type])).toEqual([
      ['merchant', null, null],
      ['statement', 'report %22Q3%22.csv', 'text/csv'],
      ['blob', 'renamed.bin', 'application/octet-stream'],
    ]);
    expect(Buffer.from(parsed.parts?.[0]?.data_b64 ?? '', 'base64').toString('utf8')).toBe('M-42 ü');
    expect(Buffer.from(parsed.parts?.[1]?.data_b64 ?? '', 'base64').equals(csv)).toBe(true);
    expect(Buffer.from(parsed.parts?.[2]?.data_b64 ?? '', 'base64').equals(binary)).toBe(true);
    expect(Number(got.headers['content-length'])).toBe(got.body.length);
  });

  it('History and the exchange show file parts by name and size, never their content', async () => {
    writeFileSync(join(tmp, 'secret-content.txt'), 'THE-FILE-CONTENT-MUST-NOT-SHOW');
    const { result } = await send({
      method: 'POST',
      url: '{{baseUrl}}/upload',
      headers: [],
      body: { kind: 'multipart', parts: [{ kind: 'text', name: 'note', value: 'hello' }, { kind: 'file', name: 'doc', path: join(tmp, 'secret-content.txt') }] },
    });
    const shown = result.exchanges.at(-1)?.request?.bodyPreview ?? '';
    expect(shown).toContain('note: hello');
    expect(shown).toContain('doc: [file secret-content.txt, application/octet-stream, 30 B]');
    expect(JSON.stringify(result.exchanges)).not.toContain('THE-FILE-CONTENT-MUST-NOT-SHOW');
    expect(result.files?.preview).not.toContain('THE-FILE-CONTENT');
  });

  it('OAuth 1.0a leaves multipart parts out of the base string (RFC 5849 3.4.1.3): oauthlib gets the same signature', async () => {
    writeFileSync(join(tmp, 'a.txt'), 'amount=1&oauth_x=2');
    const { got } = await send(
      {
        method: 'POST',
        url: '{{baseUrl}}/paynet/api/v2/sale/1?lang=en',
        headers: [],
        body: { kind: 'multipart', parts: [{ kind: 'text', name: 'amount', value: '100.00' }, { kind: 'file', name: 'a', path: join(tmp, 'a.txt') }] },
      },
      [{ type: 'oauth1', signatureMethod: 'HMAC-SHA1', consumerKey: 'merchant-login', consumerSecret: '{{secret:control_key}}', nonce: 'n0nce42', timestamp: '1700000000' }],
    );
    if (got === undefined) throw new Error('nothing reached the server');
    const theirs = check(got, {
      method: 'POST',
      url: `${origin}/paynet/api/v2/sale/1?lang=en`,
      oauth: { consumer_secret: 'ctrl-KEY ~*!&=+ü', authorization: got.headers.authorization ?? '' },
    });
    expect(theirs.base_string).not.toContain('amount');
    expect(decodeURIComponent(/oauth_signature="([^"]*)"/.exec(got.headers.authorization ?? '')?.[1] ?? 'none')).toBe(theirs.signature);
  });

  it('"Copy as curl" run by curl itself sends the same parts as Countersign (python3 email parses both)', async () => {
    const data = Buffer.concat([randomBytes(2000), Buffer.from('\r\n--x\r\n')]);
    writeFileSync(join(tmp, 'data; v2, "final".bin'), data);
    const body: SigningRequest['body'] = {
      kind: 'multipart',
      parts: [
        { kind: 'text', name: 'note', value: "Tom's @shop <b>" },
        { kind: 'file', name: 'doc', path: join(tmp, 'data; v2, "final".bin'), contentType: 'application/pdf', fileName: 'renamed.pdf' },
      ],
    };
    const ours = await send({ method: 'POST', url: '{{baseUrl}}/ours', headers: [], body });
    const args = curlBodyArguments(body);
    if (args === null || ours.got === undefined) throw new Error('no curl arguments or nothing sent');
    const before = seen.length;
    // Asynchronously: the server answering curl lives in this process.
    await promisify(execFile)('sh', ['-c', `${buildCurlCommand({ method: 'POST', url: `${origin}/curl`, headers: [], body: null, fileArgs: args })} -sS -m 20 -o /dev/null`]);
    const theirs = seen.slice(before).at(-1);
    if (theirs === undefined) throw new Error('curl sent nothing');
    const parts = (seen: Seen) => check(seen).parts?.map((part) => ({ ...part, content_type: part.content_type ?? 'text/plain' }));
    expect(parts(ours.got)).toEqual(parts(theirs));
    expect(Buffer.from(parts(theirs)?.[1]?.data_b64 ?? '', 'base64').equals(data)).toBe(true);
  });

  it('a secret in a text part is redacted in what the exchange shows', async () => {
    const { result } = await send({ method: 'POST', url: '{{baseUrl}}/x', headers: [], body: { kind: 'multipart', parts: [{ kind: 'text', name: 'key', value: '{{secret:control_key}}' }] } });
    const shown = result.exchanges.at(-1)?.request?.bodyPreview ?? '';
    expect(shown).toContain('key: [redacted');
    expect(shown).not.toContain('ctrl-KEY');
  });

  it('HMAC field signing refuses to write its signature into a multipart body (it reads JSON bodies only)', async () => {
    const before = seen.length;
    await expect(
      send(
        { method: 'POST', url: '{{baseUrl}}/x', headers: [], body: { kind: 'multipart', parts: [{ kind: 'text', name: 'amount', value: '1' }] } },
        [{ type: 'hmac-fields', algorithm: 'sha256', key: '{{secret:control_key}}', encoding: 'hex', parts: [{ kind: 'field', name: 'amount' }], output: { in: 'body', field: 'hmac' } }],
      ),
    ).rejects.toThrow(/JSON object body/);
    expect(seen.length).toBe(before);
  });

  it('refuses OAuth 1.0a parameters in a multipart body, and sends nothing', async () => {
    const { got } = await send(
      { method: 'POST', url: '{{baseUrl}}/x', headers: [], body: { kind: 'multipart', parts: [{ kind: 'text', name: 'a', value: 'b' }] } },
      [{ type: 'oauth1', signatureMethod: 'HMAC-SHA1', consumerKey: 'k', consumerSecret: '{{secret:control_key}}', oauthParamsInBody: true }],
    ).catch((error: unknown) => {
      expect(error).toBeInstanceOf(SigningError);
      expect((error as Error).message).toMatch(/only when it is form-encoded/);
      return { got: undefined };
    });
    expect(got).toBeUndefined();
  });
});

describe('binary-file bodies', () => {
  it('sends the file exactly, with the type set on the body unless the request has a Content-Type header', async () => {
    const bytes = randomBytes(70_000);
    writeFileSync(join(tmp, 'payload.bin'), bytes);
    const plain = await send({ method: 'PUT', url: '{{baseUrl}}/bin', headers: [{ name: 'Content-Type', value: 'application/octet-stream' }], body: { kind: 'binary', path: join(tmp, 'payload.bin') } });
    expect(plain.got?.body.equals(bytes)).toBe(true);
    expect(plain.got?.headers['content-type']).toBe('application/octet-stream');
    const typed = await send({ method: 'PUT', url: '{{baseUrl}}/bin', headers: [{ name: 'content-type', value: 'application/pdf' }], body: { kind: 'binary', path: join(tmp, 'payload.bin') } });
    expect(typed.got?.headers['content-type']).toBe('application/pdf');
    expect(typed.result.exchanges.at(-1)?.request?.bodyPreview).toBe('[file payload.bin, 68.4 KiB]');
  });

  it('a missing file, a folder, a relative path or an empty path: a clear error naming it, nothing sent', async () => {
    const cases: [string, RegExp][] = [
      [join(tmp, 'nope.bin'), /nope\.bin cannot be read \(no such file\)\. Nothing was sent\./],
      [tmp, /is not a file/],
      ['relative/file.bin', /relative\/file\.bin is not absolute/],
      ['', /has no file: choose one/],
    ];
    for (const [path, message] of cases) {
      const before = seen.length;
      await expect(send({ method: 'POST', url: '{{baseUrl}}/bin', headers: [], body: { kind: 'binary', path } })).rejects.toThrow(message);
      expect(seen.length).toBe(before);
    }
  });

  it(`refuses a body over ${String(MAX_FILE_BODY_BYTES / 1024 / 1024)} MiB before reading it, and sends nothing`, async () => {
    const big = join(tmp, 'big.bin');
    writeFileSync(big, '');
    // A sparse file: the size check must come from stat, not from reading 51 MiB.
    execFileSync('truncate', ['-s', String(MAX_FILE_BODY_BYTES + 1), big]);
    const before = seen.length;
    await expect(send({ method: 'POST', url: '{{baseUrl}}/bin', headers: [], body: { kind: 'binary', path: big } })).rejects.toThrow(/larger than 50\.0 MiB, the most a request body may be/);
    expect(seen.length).toBe(before);
  });
});

describe('a body file outside the allowed folders', () => {
  it('stops the send before the token request of an OAuth 2.0 chain goes out: the server sees nothing', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'countersign-not-allowed-'));
    try {
      writeFileSync(join(outside, 'id_rsa'), 'NOT TO BE SENT');
      const before = seen.length;
      await expect(
        send(
          { method: 'POST', url: '{{baseUrl}}/upload', headers: [], body: { kind: 'multipart', parts: [{ kind: 'file', name: 'doc', path: join(outside, 'id_rsa') }] } },
          [{ type: 'oauth2-client-credentials', tokenUrl: '{{baseUrl}}/token', clientId: 'cid', clientSecret: '{{secret:control_key}}' }],
        ),
      ).rejects.toThrow(/id_rsa is not in a folder you allowed for request bodies\. Nothing was sent\./);
      expect(seen.length).toBe(before);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('is found before the token request when the path names environment variables, too', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'countersign-not-allowed-'));
    try {
      writeFileSync(join(outside, 'id_rsa'), 'NOT TO BE SENT');
      const before = seen.length;
      await expect(
        send(
          { method: 'PUT', url: '{{baseUrl}}/upload', headers: [], body: { kind: 'binary', path: '{{ keysDir }}/{{keyName}}' } },
          [{ type: 'oauth2-client-credentials', tokenUrl: '{{baseUrl}}/token', clientId: 'cid', clientSecret: '{{secret:control_key}}' }],
          { keysDir: outside, keyName: 'id_rsa' },
        ),
      ).rejects.toThrow(new RegExp(`${outside}/id_rsa is not in a folder you allowed for request bodies\\. Nothing was sent\\.`));
      expect(seen.length).toBe(before);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });
});

describe('pathBeforeSigning', () => {
  it('fills environment variables only, and leaves to signing what only signing knows', () => {
    const variables = { dir: '/srv/in', name: 'a.bin', nested: '{{dir}}' };
    expect(pathBeforeSigning('/srv/in/a.bin', variables)).toBe('/srv/in/a.bin');
    expect(pathBeforeSigning('{{dir}}/{{ name }}', variables)).toBe('/srv/in/a.bin');
    expect(pathBeforeSigning('{{dir}}/{{secret:file}}', variables)).toBeNull();
    expect(pathBeforeSigning('{{dir}}/{{$uuid}}.bin', variables)).toBeNull();
    expect(pathBeforeSigning('{{missing}}/a.bin', variables)).toBeNull();
    expect(pathBeforeSigning('{{nested}}/a.bin', variables)).toBeNull();
  });
});
