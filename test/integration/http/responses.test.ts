import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, afterEach, describe, expect, it } from 'vitest';
import { HttpOutcome } from '../../../main/contract/http.ts';
import type { ResponseSummary } from '../../../main/contract/http.ts';
import { ConnectionPools } from '../../../main/http/connection-pool.ts';
import { executeRequest } from '../../../main/http/executor.ts';
import { makeTempDir } from '../../support/temp-dir.ts';
import { testDeps } from './support/deps.ts';
import { startHttp } from './support/servers.ts';
import type { Running } from './support/servers.ts';

const MiB = 1024 * 1024;
let server: Running;
let seen: { method: string; url: string; rawHeaders: string[]; body: string; connection: string | undefined }[] = [];

/**
 * The two ways a plain-http GET save can be read: undici, and the direct
 * socket reader (main/http/direct) that the executor uses for them by default.
 * Tests that apply to such saves run against both and must see the same result.
 */
const PATHS = [
  { path: 'undici', deps: { directSaves: false } },
  { path: 'direct', deps: {} },
] as const;

function bytesOf(size: number): Buffer {
  const out = Buffer.alloc(size);
  for (let i = 0; i < size; i += 1) out[i] = (i * 31) & 0xff;
  return out;
}
const BIG = bytesOf(3 * MiB + 17);

beforeAll(async () => {
  server = await startHttp((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (body += c));
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', rawHeaders: req.rawHeaders, body, connection: req.headers.connection });
      const url = new URL(req.url ?? '/', 'http://x');
      switch (url.pathname) {
        case '/json':
          res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
          return;
        case '/big':
          res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-disposition': 'attachment; filename="report.bin"', 'content-length': String(BIG.length) });
          res.end(BIG);
          return;
        case '/big-chunked':
          // No Content-Length: the executor only learns the size as it reads.
          res.writeHead(200, { 'content-type': 'text/csv' });
          res.write(BIG.subarray(0, MiB / 2));
          setTimeout(() => res.end(BIG.subarray(MiB / 2)), 20);
          return;
        case '/hostile':
          res.writeHead(200, { 'content-disposition': url.searchParams.get('cd') ?? '' }).end('payload');
          return;
        case '/binary':
          res.writeHead(200, { 'content-type': 'image/png' }).end(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 0xff]));
          return;
        case '/ordered':
          // Repeated and interleaved names: the summary keeps first-seen order, repeats grouped.
          res.writeHead(200, [
            ['X-Zeta', '1'],
            ['Set-Cookie', 'a=1'],
            ['Content-Type', 'text/plain'],
            ['Set-Cookie', 'b=2'],
            ['X-Alpha', 'two  words'],
          ]);
          res.end('ordered');
          return;
        case '/skewed':
          res.writeHead(200, { date: 'Mon, 23 Nov 2026 10:00:00 GMT' }).end('t');
          return;
        default:
          res.writeHead(404).end('nope');
      }
    });
  });
});
afterAll(() => server.close());

let dir: { path: string; remove: () => Promise<void> };
beforeEach(async () => {
  seen = [];
  dir = await makeTempDir('countersign-http-');
});
afterEach(() => dir.remove());

async function ok(outcome: Promise<HttpOutcome>): Promise<ResponseSummary> {
  const result = HttpOutcome.parse(await outcome);
  if (!result.ok) throw new Error(`expected a response, got ${result.error.kind}: ${result.error.message}`);
  return result.response;
}

const sha256 = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

describe('sending', () => {
  it('sends method, headers in the given order (repeats kept) and the body unchanged', async () => {
    await ok(
      executeRequest(
        {
          method: 'POST',
          url: server.url('/json?a=1&b=%20'),
          headers: [['X-Signature', 'abc'], ['X-Timestamp', '1700000000'], ['X-Dup', 'one'], ['X-Dup', 'two'], ['content-type', 'application/x-www-form-urlencoded']],
          body: 'grant_type=client_credentials',
        },
        {},
        testDeps(),
      ),
    );
    const got = seen[0]!;
    expect(got.method).toBe('POST');
    expect(got.url).toBe('/json?a=1&b=%20');
    expect(got.body).toBe('grant_type=client_credentials');
    // undici adds its own Host/Connection/Content-Length; ours keep their order.
    const added = new Set(['host', 'connection', 'content-length']);
    const pairs: string[][] = [];
    for (let i = 0; i < got.rawHeaders.length; i += 2) pairs.push([got.rawHeaders[i]!, got.rawHeaders[i + 1]!]);
    expect(pairs.filter(([name]) => !added.has(name!.toLowerCase()))).toEqual([
      ['X-Signature', 'abc'],
      ['X-Timestamp', '1700000000'],
      ['X-Dup', 'one'],
      ['X-Dup', 'two'],
      ['content-type', 'application/x-www-form-urlencoded'],
    ]);
  });
});

describe('preview and files', () => {
  it('returns a small JSON body as text preview, nothing saved', async () => {
    // Fresh pools: a new connection, so its connect phase is timed.
    const res = await ok(executeRequest({ method: 'GET', url: server.url('/json'), headers: [] }, {}, testDeps({ pools: new ConnectionPools() })));
    expect(res.status).toBe(200);
    expect(res.preview).toEqual({ encoding: 'utf8', data: '{"ok":true}', truncated: false });
    expect(res.saved).toBeNull();
    expect(res.headers).toContainEqual(['content-type', 'application/json']);
    expect(res.timing.connectMs).not.toBeNull();
    expect(res.timing.totalMs).toBeGreaterThanOrEqual(res.timing.firstByteMs);
  });

  it('returns binary bodies as base64', async () => {
    const res = await ok(executeRequest({ method: 'GET', url: server.url('/binary'), headers: [] }, {}, testDeps()));
    expect(res.preview.encoding).toBe('base64');
    expect(Buffer.from(res.preview.data, 'base64')).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 0xff]));
  });

  it('fails as too-large when a body exceeds the preview and there is nowhere to save it', async () => {
    const result = await executeRequest({ method: 'GET', url: server.url('/big'), headers: [] }, {}, testDeps());
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.kind).toBe('too-large');
    const chunked = await executeRequest({ method: 'GET', url: server.url('/big-chunked'), headers: [] }, {}, testDeps());
    expect(chunked.ok).toBe(false);
    if (!chunked.ok) expect(chunked.error.kind).toBe('too-large');
  });

  it('a HEAD request is not "too large" whatever Content-Length says', async () => {
    const res = await ok(executeRequest({ method: 'HEAD', url: server.url('/big'), headers: [] }, {}, testDeps()));
    expect(res.status).toBe(200);
    expect(res.bytes).toBe(0);
    expect(res.headers).toContainEqual(['content-length', String(BIG.length)]);
  });

  it('streams a body larger than the preview into the downloads folder, with preview, size and SHA-256', async () => {
    const res = await ok(
      executeRequest({ method: 'GET', url: server.url('/big'), headers: [] }, { downloadsDir: dir.path }, testDeps()),
    );
    expect(res.saved).not.toBeNull();
    expect(res.saved!.path).toBe(join(dir.path, 'report.bin'));
    expect(res.saved!.bytes).toBe(BIG.length);
    expect(res.saved!.sha256).toBe(sha256(BIG));
    expect(await readFile(res.saved!.path)).toEqual(BIG);
    expect(res.preview.truncated).toBe(true);
    expect(Buffer.from(res.preview.data, 'base64')).toEqual(BIG.subarray(0, MiB));
    expect(await readdir(dir.path)).toEqual(['report.bin']);
  });

  it('spills a body of unknown length to a file once it outgrows the preview, losing no bytes', async () => {
    const res = await ok(
      executeRequest({ method: 'GET', url: server.url('/big-chunked'), headers: [] }, { downloadsDir: dir.path }, testDeps()),
    );
    expect(res.saved!.path).toBe(join(dir.path, 'big-chunked'));
    expect(res.saved!.sha256).toBe(sha256(BIG));
    expect(await readFile(res.saved!.path)).toEqual(BIG);
  });

  it('asks for a lazily given folder only when a body outgrows the preview (known or unknown length)', async () => {
    const asked: string[] = [];
    const downloadsDir = () => {
      asked.push('folder');
      return Promise.resolve(dir.path);
    };
    const small = await ok(executeRequest({ method: 'GET', url: server.url('/json'), headers: [] }, { downloadsDir }, testDeps()));
    expect(small.saved).toBeNull();
    expect(asked).toEqual([]);
    const known = await ok(executeRequest({ method: 'GET', url: server.url('/big'), headers: [] }, { downloadsDir }, testDeps()));
    expect(known.saved!.path).toBe(join(dir.path, 'report.bin'));
    const unknown = await ok(executeRequest({ method: 'GET', url: server.url('/big-chunked'), headers: [] }, { downloadsDir }, testDeps()));
    expect(unknown.saved!.sha256).toBe(sha256(BIG));
    expect(asked).toEqual(['folder', 'folder']);
  });

  it('a lazily given folder that cannot be made fails the send as a file error', async () => {
    const downloadsDir = () => Promise.reject(Object.assign(new Error('no space'), { code: 'ENOSPC', path: join(dir.path, 'spill') }));
    const result = await executeRequest({ method: 'GET', url: server.url('/big'), headers: [] }, { downloadsDir }, testDeps());
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.kind).toBe('file');
  });
});

describe('the direct reader takes plain-http GET saves only', () => {
  it('a GET save goes over it, a preview or a HEAD over undici', async () => {
    // Told apart on the wire: undici sends Connection right after Host, the direct reader last.
    const headers = [['X-Any', '1']] as const;
    await ok(executeRequest({ method: 'GET', url: server.url('/json'), headers }, { save: { directory: dir.path } }, testDeps()));
    await ok(executeRequest({ method: 'GET', url: server.url('/json'), headers }, {}, testDeps()));
    await ok(executeRequest({ method: 'HEAD', url: server.url('/json'), headers }, { save: { directory: dir.path } }, testDeps()));
    await ok(executeRequest({ method: 'GET', url: server.url('/json'), headers }, { save: { directory: dir.path } }, testDeps({ directSaves: false })));
    const route = (raw: string[]): string => (raw.at(-2)?.toLowerCase() === 'connection' ? 'direct' : 'undici');
    expect(seen.map((s) => `${s.method} ${route(s.rawHeaders)}`)).toEqual(['GET direct', 'GET undici', 'HEAD undici', 'GET undici']);
    expect(seen[0]!.connection).toBe('close');
  });
});

describe.each(PATHS)('saving over $path', ({ deps }) => {
  it('sends the caller headers in order after Host, repeats kept', async () => {
    await ok(
      executeRequest(
        { method: 'GET', url: server.url('/json?a=1&b=%20'), headers: [['X-Signature', 'abc'], ['X-Dup', 'one'], ['X-Dup', 'two']] },
        { save: { directory: dir.path } },
        testDeps(deps),
      ),
    );
    const got = seen[0]!;
    expect(got.url).toBe('/json?a=1&b=%20');
    const names = got.rawHeaders.filter((_, i) => i % 2 === 0).map((n) => n.toLowerCase());
    expect(names.filter((n) => n !== 'connection')).toEqual(['host', 'x-signature', 'x-dup', 'x-dup']);
  });

  it('returns the response headers in the order received, repeats grouped under the first', async () => {
    const res = await ok(executeRequest({ method: 'GET', url: server.url('/ordered'), headers: [] }, { save: { directory: dir.path } }, testDeps(deps)));
    expect(res.headers.filter(([name]) => name !== 'date' && name !== 'connection' && name !== 'keep-alive' && name !== 'transfer-encoding')).toEqual([
      ['x-zeta', '1'],
      ['set-cookie', 'a=1'],
      ['set-cookie', 'b=2'],
      ['content-type', 'text/plain'],
      ['x-alpha', 'two  words'],
    ]);
    expect(res.statusText).toBe('OK');
  });

  it('times the DNS lookup, the TCP connect, the first byte and the download for a host name', async () => {
    const res = await ok(
      executeRequest({ method: 'GET', url: `http://localhost:${server.port}/big`, headers: [] }, { save: { directory: dir.path } }, testDeps(deps)),
    );
    expect(res.timing.dnsMs).not.toBeNull();
    expect(res.timing.connectMs).not.toBeNull();
    expect(res.timing.tlsMs).toBeNull();
    expect(res.timing.downloadMs).toBeGreaterThan(0);
    expect(res.timing.totalMs).toBeGreaterThanOrEqual(res.timing.firstByteMs + res.timing.downloadMs);
  });

  it('saves a body of known length with exact bytes, SHA-256 and a 1 MiB preview', async () => {
    const res = await ok(executeRequest({ method: 'GET', url: server.url('/big'), headers: [] }, { save: { directory: dir.path } }, testDeps(deps)));
    expect(res.saved).toEqual({ path: join(dir.path, 'report.bin'), bytes: BIG.length, sha256: sha256(BIG) });
    expect(res.bytes).toBe(BIG.length);
    expect(await readFile(res.saved!.path)).toEqual(BIG);
    expect(res.preview.truncated).toBe(true);
    expect(Buffer.from(res.preview.data, 'base64')).toEqual(BIG.subarray(0, MiB));
    expect(await readdir(dir.path)).toEqual(['report.bin']);
  });

  it('saves a chunked body of unknown length, named after the URL', async () => {
    const res = await ok(
      executeRequest({ method: 'GET', url: server.url('/big-chunked'), headers: [] }, { save: { directory: dir.path } }, testDeps(deps)),
    );
    expect(res.saved).toEqual({ path: join(dir.path, 'big-chunked'), bytes: BIG.length, sha256: sha256(BIG) });
    expect(await readFile(res.saved!.path)).toEqual(BIG);
  });

  it('saves an empty body as an empty file', async () => {
    const res = await ok(
      executeRequest({ method: 'GET', url: server.url('/hostile?cd='), headers: [] }, { save: { file: join(dir.path, 'e.txt') }, previewLimitBytes: 4 }, testDeps(deps)),
    );
    expect(res.preview).toEqual({ encoding: 'utf8', data: 'payl', truncated: true });
    expect(await readFile(join(dir.path, 'e.txt'), 'utf8')).toBe('payload');
  });
  it('saves a small body when asked, to the exact file chosen', async () => {
    const file = join(dir.path, 'chosen.json');
    const res = await ok(executeRequest({ method: 'GET', url: server.url('/json'), headers: [] }, { save: { file } }, testDeps(deps)));
    expect(res.saved).toEqual({ path: file, bytes: 11, sha256: sha256(Buffer.from('{"ok":true}')) });
    expect(res.preview.data).toBe('{"ok":true}');
  });

  it('never overwrites by default: picks "name (1).ext"; overwrite: true replaces', async () => {
    await writeFile(join(dir.path, 'report.bin'), 'keep me');
    const first = await ok(executeRequest({ method: 'GET', url: server.url('/big'), headers: [] }, { save: { directory: dir.path } }, testDeps(deps)));
    expect(first.saved!.path).toBe(join(dir.path, 'report (1).bin'));
    expect(await readFile(join(dir.path, 'report.bin'), 'utf8')).toBe('keep me');
    const second = await ok(executeRequest({ method: 'GET', url: server.url('/big'), headers: [] }, { save: { directory: dir.path } }, testDeps(deps)));
    expect(second.saved!.path).toBe(join(dir.path, 'report (2).bin'));
    const replaced = await ok(
      executeRequest({ method: 'GET', url: server.url('/big'), headers: [] }, { save: { directory: dir.path }, overwrite: true }, testDeps(deps)),
    );
    expect(replaced.saved!.path).toBe(join(dir.path, 'report.bin'));
    expect(await readFile(join(dir.path, 'report.bin'))).toEqual(BIG);
    expect((await readdir(dir.path)).sort()).toEqual(['report (1).bin', 'report (2).bin', 'report.bin']);
  });

  it('a folder that cannot be written is reported as a file error, not a crash', async () => {
    const missing = join(dir.path, 'no-such-folder');
    const result = await executeRequest({ method: 'GET', url: server.url('/big'), headers: [] }, { save: { directory: missing } }, testDeps(deps));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.kind).toBe('file');
      expect(result.error.message).toContain('the folder does not exist');
    }
    expect(await readdir(dir.path)).toEqual([]);
  });

  it.each([
    ['attachment; filename="../../x"', 'x'],
    ['attachment; filename="/etc/passwd"', 'passwd'],
    ['attachment; filename="C:\\\\Windows\\\\evil.dll"', 'evil.dll'],
    ["attachment; filename*=UTF-8''..%2F..%2Fescape%00.txt", 'escape.txt'],
    ["attachment; filename*=UTF-8''%00", 'hostile'],
    ['attachment; filename="..."', 'hostile'],
    ['attachment; filename="NUL.txt"', '_NUL.txt'],
  ])('a hostile Content-Disposition %s is saved inside the folder as %s', async (header, expected) => {
    const res = await ok(
      executeRequest(
        { method: 'GET', url: server.url(`/hostile?cd=${encodeURIComponent(header)}`), headers: [] },
        { save: { directory: dir.path } },
        testDeps(),
      ),
    );
    expect(res.saved!.path).toBe(join(dir.path, expected));
    expect(await readdir(dir.path)).toEqual([expected]);
  });

});

describe('clock skew', () => {
  it.each([
    ['a preview', {}, {}],
    ['a save over undici', { save: { directory: '' } }, { directSaves: false }],
    ['a save over the direct reader', { save: { directory: '' } }, {}],
  ] as const)('warns when the server Date is more than 60 s away from the local clock (%s)', async (_name, saving, deps) => {
    const options = 'save' in saving ? { save: { directory: dir.path } } : {};
    const serverTime = Date.parse('Mon, 23 Nov 2026 10:00:00 GMT');
    const late = await ok(
      executeRequest({ method: 'GET', url: server.url('/skewed'), headers: [] }, options, testDeps({ ...deps, wallClockMs: () => serverTime + 61_000 })),
    );
    expect(late.clockSkew).toEqual({ serverDate: 'Mon, 23 Nov 2026 10:00:00 GMT', skewSeconds: -61, warning: true });
    const close = await ok(
      executeRequest({ method: 'GET', url: server.url('/skewed'), headers: [] }, options, testDeps({ ...deps, wallClockMs: () => serverTime - 59_000 })),
    );
    expect(close.clockSkew).toEqual({ serverDate: 'Mon, 23 Nov 2026 10:00:00 GMT', skewSeconds: 59, warning: false });
  });
});
