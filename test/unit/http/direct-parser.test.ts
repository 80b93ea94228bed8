import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ChunkedDecoder } from '../../../main/http/direct/chunked.ts';
import { bodyFraming } from '../../../main/http/direct/framing.ts';
import { getRequestHead, headersFitDirect } from '../../../main/http/direct/request-head.ts';
import { parseResponseHead } from '../../../main/http/direct/response-head.ts';

const head = (text: string): Buffer => Buffer.from(text, 'latin1');

/** Decodes `encoded` fed in the given piece sizes; returns the body and where the body ended in the last piece. */
function decodeInPieces(encoded: Buffer, sizes: number[]): { body: Buffer; done: boolean } {
  const decoder = new ChunkedDecoder();
  const out: Buffer[] = [];
  let at = 0;
  let i = 0;
  while (at < encoded.length && !decoder.done) {
    const size = Math.max(1, sizes[i % Math.max(1, sizes.length)] ?? encoded.length);
    i += 1;
    const piece = encoded.subarray(at, at + size);
    decoder.decode(piece, 0, piece.length, (from, to) => out.push(Buffer.from(piece.subarray(from, to))));
    at += size;
  }
  return { body: Buffer.concat(out), done: decoder.done };
}

function chunked(body: Buffer, sizes: number[], trailer = ''): Buffer {
  const parts: Buffer[] = [];
  let at = 0;
  for (const size of sizes) {
    if (at >= body.length) break;
    const piece = body.subarray(at, at + Math.max(1, size));
    parts.push(head(`${piece.length.toString(16)}\r\n`), piece, head('\r\n'));
    at += piece.length;
  }
  if (at < body.length) parts.push(head(`${(body.length - at).toString(16)}\r\n`), body.subarray(at), head('\r\n'));
  parts.push(head(`0\r\n${trailer}\r\n`));
  return Buffer.concat(parts);
}

function decodeAll(text: string): Buffer {
  return decodeInPieces(head(text), [1 << 20]).body;
}

describe('response head', () => {
  it('parses status, reason and headers in order, names lower-cased, values trimmed', () => {
    const text = 'HTTP/1.1 404 Not Found\r\nX-B:  2 \r\nSet-Cookie: a=1\r\nset-cookie: b=2\r\n\r\n';
    const parsed = parseResponseHead(head(`${text}body`));
    expect(parsed).toEqual({
      status: 404,
      statusText: 'Not Found',
      headers: [['x-b', '2'], ['set-cookie', 'a=1'], ['set-cookie', 'b=2']],
      headBytes: text.length,
    });
  });

  it('waits for the blank line, and refuses a head over the size limit', () => {
    expect(parseResponseHead(head('HTTP/1.1 200 OK\r\nX-A: 1\r\n'))).toBeNull();
    const limits = { maxHeadBytes: 64, maxHeaders: 10 };
    expect(() => parseResponseHead(head(`HTTP/1.1 200 OK\r\nX-A: ${'a'.repeat(60)}`), limits)).toThrow('too large');
    expect(() => parseResponseHead(head(`HTTP/1.1 200 OK\r\nX-A: ${'a'.repeat(50)}\r\n\r\n`), limits)).toThrow('too large');
    expect(() => parseResponseHead(head(`HTTP/1.1 200 OK\r\n${'X: 1\r\n'.repeat(11)}\r\n`), { maxHeadBytes: 1024, maxHeaders: 10 })).toThrow(
      'too many',
    );
  });

  it.each([
    ['not HTTP', 'SSH-2.0-OpenSSH_9.2\r\n\r\n'],
    ['HTTP/2 status line', 'HTTP/2 200 OK\r\n\r\n'],
    ['two-digit status', 'HTTP/1.1 20 OK\r\n\r\n'],
    ['obs-fold', 'HTTP/1.1 200 OK\r\nX-A: 1\r\n  continued\r\n\r\n'],
    ['space before the colon', 'HTTP/1.1 200 OK\r\nX-A : 1\r\n\r\n'],
    ['no colon', 'HTTP/1.1 200 OK\r\nX-A\r\n\r\n'],
    ['NUL in a value', 'HTTP/1.1 200 OK\r\nX-A: a\u0000b\r\n\r\n'],
    ['bare LF splitting a header', 'HTTP/1.1 200 OK\r\nX-A: 1\nSet-Cookie: evil\r\n\r\n'],
    ['bare CR splitting a header', 'HTTP/1.1 200 OK\r\nX-A: 1\rSet-Cookie: evil\r\n\r\n'],
    ['control byte in the reason', 'HTTP/1.1 200 O\u0001K\r\n\r\n'],
    ['DEL in a value', 'HTTP/1.1 200 OK\r\nX-A: \u007f\r\n\r\n'],
  ])('refuses %s', (_name, text) => {
    expect(() => parseResponseHead(head(text))).toThrow();
  });

  it('never throws anything but its protocol error, and never accepts CR/LF/NUL in a header (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const data = Buffer.concat([head('HTTP/1.1 200 OK\r\nX-A: '), Buffer.from(bytes), head('\r\n\r\n')]);
        try {
          const parsed = parseResponseHead(data);
          for (const [name, value] of parsed?.headers ?? []) {
            expect(name).toMatch(/^[!#$%&'*+\-.^_`|~0-9a-z]+$/);
            const control = Array.from(Buffer.from(value, 'latin1')).some((c) => (c < 0x20 && c !== 0x09) || c === 0x7f);
            expect(control).toBe(false);
          }
        } catch (err) {
          expect((err as Error).name).toBe('HTTPParserError');
        }
      }),
    );
  });
});

describe('body framing', () => {
  const frame = (status: number, headers: Array<[string, string]>): ReturnType<typeof bodyFraming> => bodyFraming(status, headers);

  it('chooses length, chunked, until-close or none', () => {
    expect(frame(200, [['content-length', '42']])).toEqual({ kind: 'length', length: 42 });
    expect(frame(200, [['content-length', '7'], ['content-length', '7']])).toEqual({ kind: 'length', length: 7 });
    expect(frame(200, [['content-length', '7, 7']])).toEqual({ kind: 'length', length: 7 });
    expect(frame(200, [['transfer-encoding', 'chunked']])).toEqual({ kind: 'chunked' });
    expect(frame(200, [['transfer-encoding', 'gzip, Chunked']])).toEqual({ kind: 'chunked' });
    expect(frame(200, [])).toEqual({ kind: 'close' });
    expect(frame(204, [['content-length', '5']])).toEqual({ kind: 'none' });
    expect(frame(304, [['transfer-encoding', 'chunked']])).toEqual({ kind: 'none' });
  });

  it.each([
    ['Content-Length with Transfer-Encoding', [['content-length', '3'], ['transfer-encoding', 'chunked']]],
    ['duplicate differing Content-Length', [['content-length', '3'], ['content-length', '4']]],
    ['differing values in one Content-Length', [['content-length', '3, 4']]],
    ['negative length', [['content-length', '-1']]],
    ['signed length', [['content-length', '+5']]],
    ['hex length', [['content-length', '0x10']]],
    ['overflowing length', [['content-length', '9007199254740993']]],
    ['fractional length', [['content-length', '1.5']]],
    ['empty length', [['content-length', '']]],
    ['chunked not last', [['transfer-encoding', 'chunked, gzip']]],
    ['chunked twice', [['transfer-encoding', 'chunked, chunked']]],
    ['chunked twice over two fields', [['transfer-encoding', 'chunked'], ['transfer-encoding', 'chunked']]],
    ['unknown coding only', [['transfer-encoding', 'gzip']]],
  ] as Array<[string, Array<[string, string]>]>)('refuses %s', (_name, headers) => {
    expect(() => frame(200, headers)).toThrow();
  });
});

describe('chunked decoder', () => {
  it('decodes sizes in any case, extensions and trailers, and stops after the last chunk', () => {
    const text = '5;name=value\r\nhello\r\nA\r\n0123456789\r\na\r\nabcdefghij\r\n0\r\nX-Checksum: abc\r\n\r\nNOT BODY';
    const decoder = new ChunkedDecoder();
    const data = head(text);
    const out: string[] = [];
    const end = decoder.decode(data, 0, data.length, (from, to) => out.push(data.toString('latin1', from, to)));
    expect(out.join('')).toBe('hello0123456789abcdefghij');
    expect(decoder.done).toBe(true);
    expect(data.toString('latin1', end)).toBe('NOT BODY');
  });

  it('gives the same body however the input is split (property)', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 2000 }),
        fc.array(fc.integer({ min: 1, max: 300 }), { minLength: 1, maxLength: 20 }),
        fc.array(fc.integer({ min: 1, max: 50 }), { minLength: 1, maxLength: 20 }),
        (bytes, chunkSizes, pieceSizes) => {
          const body = Buffer.from(bytes);
          const result = decodeInPieces(chunked(body, chunkSizes, 'X-T: 1\r\n'), pieceSizes);
          expect(result.done).toBe(true);
          expect(result.body.equals(body)).toBe(true);
        },
      ),
    );
  });

  it('compacting data in place (as the reader does in a ring slot) keeps the body exact (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 3000 }), fc.array(fc.integer({ min: 1, max: 400 }), { minLength: 1 }), (bytes, sizes) => {
        const body = Buffer.from(bytes);
        const slot = Buffer.from(chunked(body, sizes));
        const decoder = new ChunkedDecoder();
        let kept = 0;
        decoder.decode(slot, 0, slot.length, (from, to) => {
          slot.copyWithin(kept, from, to);
          kept += to - from;
        });
        expect(slot.subarray(0, kept).equals(body)).toBe(true);
      }),
    );
  });

  it.each([
    ['a size that is not hex', 'zz\r\nhi\r\n0\r\n\r\n'],
    ['a negative size', '-5\r\nhello\r\n0\r\n\r\n'],
    ['a signed size', '+5\r\nhello\r\n0\r\n\r\n'],
    ['a 0x prefix', '0x5\r\nhello\r\n0\r\n\r\n'],
    ['an empty size', '\r\nhello\r\n0\r\n\r\n'],
    ['whitespace before the size', ' 5\r\nhello\r\n0\r\n\r\n'],
    ['a size over 2^53', '20000000000000\r\n'],
    ['more than 16 size digits', '00000000000000005\r\nhello\r\n0\r\n\r\n'],
    ['data longer than its size', '3\r\nhello\r\n0\r\n\r\n'],
    ['a bare LF after the size', '5\nhello\r\n0\r\n\r\n'],
    ['a bare LF after the data', '5\r\nhello\n0\r\n\r\n'],
    ['a control byte in an extension', '5;a=\u0000\r\nhello\r\n0\r\n\r\n'],
    ['a trailer without a colon', '0\r\nnonsense\r\n\r\n'],
    ['an obs-folded trailer', '0\r\nX-A: 1\r\n folded\r\n\r\n'],
    ['a bare LF in the trailers', '0\r\nX-A: 1\n\r\n'],
  ])('refuses %s', (_name, text) => {
    expect(() => decodeAll(text)).toThrow();
  });

  it('refuses an endless size line and endless trailers', () => {
    expect(() => decodeAll(`5;${'x'.repeat(5000)}\r\nhello\r\n0\r\n\r\n`)).toThrow('too long');
    expect(() => decodeAll(`0\r\n${'X-A: 1\r\n'.repeat(3000)}\r\n`)).toThrow('too large');
  });

  it('a body cut in the middle is not done', () => {
    expect(decodeInPieces(head('5\r\nhel'), [100]).done).toBe(false);
    expect(decodeInPieces(head('5\r\nhello\r\n'), [100]).done).toBe(false);
  });
});

describe('request head', () => {
  it('sends Host first, the caller headers in order, then connection: close', () => {
    const text = getRequestHead(new URL('http://example.test:8080/a/b?x=1%202'), [['X-Sig', 'abc'], ['X-Dup', '1'], ['X-Dup', '2']]).toString('latin1');
    expect(text).toBe('GET /a/b?x=1%202 HTTP/1.1\r\nhost: example.test:8080\r\nX-Sig: abc\r\nX-Dup: 1\r\nX-Dup: 2\r\nconnection: close\r\n\r\n');
  });

  it('keeps a Host the caller set, and refuses header injection', () => {
    expect(getRequestHead(new URL('http://a.test/'), [['Host', 'b.test']]).toString('latin1')).toBe(
      'GET / HTTP/1.1\r\nHost: b.test\r\nconnection: close\r\n\r\n',
    );
    expect(() => getRequestHead(new URL('http://a.test/'), [['X-A', 'v\r\nX-Injected: 1']])).toThrow();
    expect(() => getRequestHead(new URL('http://a.test/'), [['X-A\r\nX-B', 'v']])).toThrow();
    expect(() => getRequestHead(new URL('http://a.test/'), [['X-A', 'nul\u0000']])).toThrow();
  });

  it('leaves framing and connection headers to undici', () => {
    expect(headersFitDirect([['Authorization', 'x'], ['Accept', '*/*']])).toBe(true);
    for (const name of ['Connection', 'Transfer-Encoding', 'Content-Length', 'Upgrade', 'Expect', 'Keep-Alive', 'TE']) {
      expect(headersFitDirect([[name, 'x']])).toBe(false);
    }
  });
});
