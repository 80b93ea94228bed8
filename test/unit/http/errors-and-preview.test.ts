import { rootCertificates } from 'node:tls';
import { describe, expect, it } from 'vitest';
import { CertificateRejectedError } from '../../../main/http/certificate.ts';
import { mapHttpError } from '../../../main/http/error-map.ts';
import type { ErrorContext } from '../../../main/http/error-map.ts';
import { DownloadFileError, TooLargeForPreviewError } from '../../../main/http/failures.ts';
import { encodePreview } from '../../../main/http/preview.ts';
import { tlsSocketOptions } from '../../../main/http/tls-material.ts';

const ctx = (over: Partial<ErrorContext> = {}): ErrorContext => ({
  url: new URL('https://api.example:8443/x'),
  proxy: null,
  aborted: false,
  clientCertificate: false,
  ...over,
});
const withCode = (code: string, extra: Record<string, unknown> = {}): Error => Object.assign(new Error(`boom ${code}`), { code, ...extra });

describe('mapHttpError', () => {
  it.each([
    [withCode('ENOTFOUND'), 'dns'],
    [withCode('EAI_AGAIN'), 'dns'],
    [withCode('ECONNREFUSED'), 'refused'],
    [withCode('ECONNRESET'), 'reset'],
    [withCode('UND_ERR_SOCKET'), 'reset'],
    [withCode('UND_ERR_CONNECT_TIMEOUT'), 'timeout'],
    [withCode('CERT_HAS_EXPIRED'), 'tls'],
    [withCode('HPE_INVALID_CONSTANT'), 'protocol'],
    [new AggregateError([withCode('ECONNREFUSED'), withCode('ECONNREFUSED')]), 'refused'],
    [Object.assign(new Error('wrapped'), { cause: withCode('ENOTFOUND') }), 'dns'],
    [new TooLargeForPreviewError(1024 * 1024), 'too-large'],
    [new DownloadFileError('/x/y.part', 'ENOSPC'), 'file'],
    [new Error('anything'), 'other'],
  ])('%s -> %s', (err, kind) => {
    expect(mapHttpError(err, ctx()).kind).toBe(kind);
  });

  it('cancellation wins over whatever error the abort produced', () => {
    expect(mapHttpError(withCode('UND_ERR_ABORTED'), ctx({ aborted: true }))).toEqual({ kind: 'cancelled', message: 'The request was cancelled.' });
  });

  it('names which timeout fired', () => {
    expect(mapHttpError(withCode('UND_ERR_HEADERS_TIMEOUT'), ctx()).timeout).toBe('headers');
    expect(mapHttpError(withCode('UND_ERR_BODY_TIMEOUT'), ctx()).timeout).toBe('body');
  });

  it('a refused connection at the proxy address is a proxy failure', () => {
    const err = withCode('ECONNREFUSED', { address: '10.0.0.9', port: 3128 });
    const mapped = mapHttpError(err, ctx({ proxy: new URL('http://10.0.0.9:3128') }));
    expect(mapped.kind).toBe('proxy');
    expect(mapped.message).toContain('10.0.0.9:3128');
  });

  it('carries the rejected certificate', () => {
    const cert = { subject: 'CN=x', issuer: 'CN=y', validFrom: 'a', validTo: 'b', fingerprint256: 'AA' };
    const mapped = mapHttpError(new CertificateRejectedError('CERT_HAS_EXPIRED', 'the certificate has expired', cert), ctx());
    expect(mapped).toEqual({ kind: 'tls', message: 'TLS: api.example:8443 was refused because the certificate has expired.', certificate: cert });
  });

  it('messages never carry a stack', () => {
    const mapped = mapHttpError(new DownloadFileError('/home/u/x.part', 'EACCES'), ctx());
    expect(mapped.message).toBe('Could not save the download to /home/u/x.part: permission denied.');
    expect(mapped.message).not.toContain('    at ');
  });
});

describe('encodePreview', () => {
  it('keeps UTF-8 text as text, even cut mid-character', () => {
    const euro = Buffer.from('€€€');
    expect(encodePreview(euro.subarray(0, 7), true, null)).toEqual({ encoding: 'utf8', data: '€€', truncated: true });
    expect(encodePreview(Buffer.from('{"a":1}'), false, 'application/json')).toEqual({ encoding: 'utf8', data: '{"a":1}', truncated: false });
  });
  it('base64-encodes binary', () => {
    const bin = Buffer.from([0, 1, 2, 0xff, 0xfe]);
    expect(encodePreview(bin, false, 'application/octet-stream')).toEqual({ encoding: 'base64', data: bin.toString('base64'), truncated: false });
    expect(encodePreview(Buffer.from([0x41, 0, 0x42]), false, null).encoding).toBe('base64');
  });
});

describe('tlsSocketOptions', () => {
  it('adds a custom CA to the built-in roots instead of replacing them', () => {
    const custom = rootCertificates[0]!;
    const opts = tlsSocketOptions({ ca: custom });
    expect(opts.ca).toEqual([...rootCertificates, custom]);
    expect(tlsSocketOptions(undefined)).toEqual({});
  });
  it('reports unreadable client certificate material without echoing it', () => {
    try {
      tlsSocketOptions({ cert: 'not a pem', key: 'secret-key-material', passphrase: 'pw-12345' });
      expect.unreachable();
    } catch (err) {
      expect((err as Error).name).toBe('ClientCertificateError');
      expect((err as Error).message).not.toContain('secret-key-material');
      expect((err as Error).message).not.toContain('pw-12345');
    }
  });
  it('reports an unreadable CA bundle', () => {
    expect(() => tlsSocketOptions({ ca: 'garbage' })).toThrow(/CA bundle/);
  });
});
