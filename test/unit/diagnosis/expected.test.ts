import { describe, expect, it } from 'vitest';
import { ServiceError } from '../../../main/contract/errors.ts';
import { isEmpty, parseExpected, parseRawRequest, parseSignature } from '../../../main/diagnosis/expected.ts';

const HEX = '3f6b2c1e8d4a4b7e9c051a2b3c4d5e6f00112233445566778899aabbccddeeff';
const B64 = Buffer.from(HEX, 'hex').toString('base64');

describe('reading what the gateway expected', () => {
  it('takes a signature as hex or base64 and gives both forms', () => {
    expect(parseSignature(HEX)).toEqual({ hex: HEX, base64: B64, as: 'hex' });
    expect(parseSignature(HEX.toUpperCase())?.hex).toBe(HEX);
    expect(parseSignature(B64)).toEqual({ hex: HEX, base64: B64, as: 'base64' });
  });

  it('takes it out of a pasted header line, quotes and percent-encoding', () => {
    expect(parseSignature(`X-Signature: ${HEX}`)?.hex).toBe(HEX);
    expect(parseSignature(`OAuth realm="", oauth_nonce="n", oauth_signature="${encodeURIComponent(B64)}"`)?.base64).toBe(B64);
    expect(parseSignature(`"${B64}"`)?.base64).toBe(B64);
  });

  it('refuses what is neither hex nor base64, saying what to paste', () => {
    expect(parseSignature('not a signature!')).toBeUndefined();
    expect(() => parseExpected({ signature: 'POST&http%3A%2F%2Fx' })).toThrow(ServiceError);
    expect(() => parseExpected({ signature: 'POST&http%3A%2F%2Fx' })).toThrow(/neither hex nor base64/);
  });

  it('reads a raw request: request line, headers, body; CRLF or LF', () => {
    const raw = parseRawRequest('POST /paynet/api/v2/sale-form/123 HTTP/1.1\r\nHost: gw.example\r\nContent-Type: application/x-www-form-urlencoded\r\n\r\namount=10.42&currency=USD');
    expect(raw).toEqual({
      method: 'POST',
      target: '/paynet/api/v2/sale-form/123',
      headers: [
        ['host', 'gw.example'],
        ['content-type', 'application/x-www-form-urlencoded'],
      ],
      body: 'amount=10.42&currency=USD',
    });
    expect(parseRawRequest('amount=10.42')).toBeUndefined();
    expect(() => parseExpected({ rawRequest: 'amount=10.42' })).toThrow(/request line/);
  });

  it('finds the signature a raw request carries: OAuth header, X-Signature, or a JSON hmac field', () => {
    expect(parseExpected({ rawRequest: `POST /x HTTP/1.1\nAuthorization: OAuth oauth_signature="${encodeURIComponent(B64)}"\n\n` }).rawSignature?.base64).toBe(B64);
    expect(parseExpected({ rawRequest: `GET /r HTTP/1.1\nX-Signature: ${HEX}\nDate: Thu, 03 Dec 2026 12:00:00 GMT\n\n` })).toMatchObject({
      rawSignature: { hex: HEX },
      signature: undefined,
      serverDateMs: Date.UTC(2026, 11, 3, 12, 0, 0),
    });
    expect(parseExpected({ rawRequest: `POST /q HTTP/1.1\n\n{"hmac":"${HEX}"}` }).rawSignature?.hex).toBe(HEX);
  });

  it('the signature a raw request carries is what the gateway received, kept apart from the one it expected; a Unix-seconds date is read too', () => {
    const other = 'ab'.repeat(32);
    expect(parseExpected({ signature: other, rawRequest: `GET /r HTTP/1.1\nX-Signature: ${HEX}\n\n` })).toMatchObject({ signature: { hex: other }, rawSignature: { hex: HEX } });
    expect(parseExpected({ serverDate: '1764763200' }).serverDateMs).toBe(1764763200000);
  });

  it('knows when nothing was given', () => {
    expect(isEmpty(parseExpected({}))).toBe(true);
    expect(isEmpty(parseExpected({ baseString: '  ' }))).toBe(true);
    expect(isEmpty(parseExpected({ serverDate: 'Thu, 03 Dec 2026 12:00:00 GMT' }))).toBe(false);
  });
});
