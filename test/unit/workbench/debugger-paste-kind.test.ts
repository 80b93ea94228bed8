import { describe, expect, it } from 'vitest';
import { expectedFrom, guessPasteKind } from '../../../renderer/src/pages/workbench/debugger/paste-kind.ts';

describe('what the user pasted into Compare', () => {
  it('recognises each kind the gateways hand out', () => {
    expect(guessPasteKind('POST&http%3A%2F%2F127.0.0.1%3A8787%2Fpaynet%2Fapi%2Fv2%2Fsale-form%2F123&amount%3D10.42')).toBe('baseString');
    expect(guessPasteKind('1764763384')).toBe('baseString');
    expect(guessPasteKind('X-Signature: 3f2a9c0d')).toBe('xSignature');
    expect(guessPasteKind('Authorization: OAuth realm="", oauth_signature="abc%3D"')).toBe('signature');
    expect(guessPasteKind('9c3c1b1e4f0d6a2b8e7f5a4c3d2e1f0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e')).toBe('signature');
    expect(guessPasteKind('tR3+yk2a/Vb8Qj6LmN1pZ0wX9sE=')).toBe('signature');
    expect(guessPasteKind('POST /paynet/api/v2/sale-form/123 HTTP/1.1\nHost: 127.0.0.1\n\namount=10.42')).toBe('rawRequest');
  });

  it('leaves the choice alone when nothing stands out', () => {
    expect(guessPasteKind('')).toBeNull();
    expect(guessPasteKind('sandbox.usersandbox-device-01123456sample-challenge')).toBeNull();
  });

  it('puts the paste in the field the channel expects, keeping a base string byte for byte', () => {
    expect(expectedFrom('baseString', ' a b \n', '')).toEqual({ baseString: ' a b \n' });
    expect(expectedFrom('signature', '  abc=  ', ' Thu, 03 Dec 2026 12:00:00 GMT ')).toEqual({ signature: 'abc=', serverDate: 'Thu, 03 Dec 2026 12:00:00 GMT' });
    expect(expectedFrom('rawRequest', 'GET / HTTP/1.1\n', '')).toEqual({ rawRequest: 'GET / HTTP/1.1\n' });
    // Nothing pasted sends no empty field (a History entry is then checked for its clock only).
    expect(expectedFrom('baseString', '  \n', '')).toEqual({});
  });
});
