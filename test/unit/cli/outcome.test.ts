import { describe, expect, it } from 'vitest';
import type { HttpOutcome } from '../../../main/contract/http.ts';
import { parseVariableOverrides } from '../../../main/cli/environment.ts';
import { EXIT } from '../../../main/cli/exit-codes.ts';
import { CliError } from '../../../main/cli/io.ts';
import { exitCodeForOutcome, statusLine, worstExitCode } from '../../../main/cli/outcome.ts';
import { progressLine } from '../../../main/cli/progress-bar.ts';

function response(status: number): HttpOutcome {
  return {
    ok: true,
    response: {
      url: 'http://127.0.0.1/x',
      status,
      statusText: 'Status',
      headers: [],
      timing: { dnsMs: null, connectMs: 1, tlsMs: null, firstByteMs: 2, downloadMs: 1, totalMs: 4 },
      bytes: 2048,
      contentType: null,
      preview: { encoding: 'utf8', data: '', truncated: false },
      saved: null,
      clockSkew: null,
      redirects: [],
      pendingRedirect: null,
    },
  };
}

const failure = (kind: 'refused' | 'invalid-request' | 'timeout'): HttpOutcome => ({ ok: false, error: { kind, message: 'no' }, redirects: [] });

describe('exit codes of a send', () => {
  it('maps 2xx to success and any other status to the HTTP-status code', () => {
    expect(exitCodeForOutcome(response(200))).toBe(EXIT.ok);
    expect(exitCodeForOutcome(response(204))).toBe(EXIT.ok);
    expect(exitCodeForOutcome(response(302))).toBe(EXIT.httpStatus);
    expect(exitCodeForOutcome(response(401))).toBe(EXIT.httpStatus);
    expect(exitCodeForOutcome(response(503))).toBe(EXIT.httpStatus);
  });

  it('maps a network failure to the network code, a malformed URL to configuration', () => {
    expect(exitCodeForOutcome(failure('refused'))).toBe(EXIT.network);
    expect(exitCodeForOutcome(failure('timeout'))).toBe(EXIT.network);
    expect(exitCodeForOutcome(failure('invalid-request'))).toBe(EXIT.config);
  });

  it('a batch exits with its most serious code', () => {
    expect(worstExitCode([])).toBe(EXIT.ok);
    expect(worstExitCode([EXIT.ok, EXIT.httpStatus, EXIT.ok])).toBe(EXIT.httpStatus);
    expect(worstExitCode([EXIT.httpStatus, EXIT.config, EXIT.network])).toBe(EXIT.config);
  });

  it('writes a one-line status', () => {
    expect(statusLine(response(201))).toBe('201 Status  4 ms  2.0 KiB');
    expect(statusLine(failure('refused'))).toBe('error (refused): no');
  });
});

describe('--var overrides', () => {
  it('splits at the first equals sign and keeps the rest of the value', () => {
    const vars = parseVariableOverrides(['endpointId=42', 'query=a=b', 'empty=']);
    expect({ ...vars }).toEqual({ endpointId: '42', query: 'a=b', empty: '' });
  });

  it('treats __proto__ as a plain name', () => {
    const vars = parseVariableOverrides(['__proto__=x']);
    expect(Object.keys(vars)).toEqual(['__proto__']);
  });

  it('refuses a pair without a name', () => {
    expect(() => parseVariableOverrides(['=x'])).toThrow(CliError);
    expect(() => parseVariableOverrides(['novalue'])).toThrow(/name=value/);
  });
});

describe('progress line', () => {
  it('draws a bar when the size is known', () => {
    expect(progressLine({ requestId: 'r', bytes: 512, total: 1024, rate: 2048 })).toMatch(/^\r\[#{12} {12}\] {2}50%/);
  });
  it('shows bytes and rate when it is not', () => {
    expect(progressLine({ requestId: 'r', bytes: 2048, rate: 1024 })).toBe('\r2.0 KiB  1.0 KiB/s');
  });
});
