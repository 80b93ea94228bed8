import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { buildCurlCommand, placeholderReplacer, shellQuote, withPlaceholders } from '../../../main/requests/curl.ts';
import { percentEncode } from '../../../main/signing/percent-encode.ts';
import { Redactor } from '../../../main/core/redactor.ts';

/** What a POSIX shell makes of a quoted word: the test asks sh itself. */
const shellReads = (word: string) => execFileSync('sh', ['-c', `printf '%s' ${word}`], { encoding: 'utf8' });

describe('copy as curl', () => {
  it('quotes quotes, newlines, dollars, backslashes and unicode so the shell reads them literally', () => {
    for (const text of [`it's "quoted"`, 'line1\nline2', '$HOME `id` \\n', 'ünïcødé ✓ 支付', "''", '']) {
      expect(shellReads(shellQuote(text))).toBe(text);
    }
  });

  it('builds -X, one -H per header and --data-raw with the body as sent', () => {
    const command = buildCurlCommand({
      method: 'POST',
      url: 'https://gw.test/pay?a=1&b=2',
      headers: [
        ['Content-Type', 'application/json'],
        ['X-Note', "O'Brien"],
      ],
      body: '{"amount":"10.00","memo":"a\'b"}',
    });
    expect(command).toBe(
      [
        `curl -X 'POST' 'https://gw.test/pay?a=1&b=2'`,
        `-H 'Content-Type: application/json'`,
        `-H 'X-Note: O'\\''Brien'`,
        `--data-raw '{"amount":"10.00","memo":"a'\\''b"}'`,
      ].join(' \\\n  '),
    );
    expect(buildCurlCommand({ method: 'GET', url: 'https://gw.test/', headers: [], body: null })).toBe(`curl -X 'GET' 'https://gw.test/'`);
  });

  it('replaces vault values by their names and other secrets by a generic placeholder, in form bodies too', () => {
    const clientSecret = 'cl!ent s3cret&=';
    const token = 'tok-123456';
    const named = new Map([['client_secret', clientSecret]]);
    const replace = placeholderReplacer(named, new Redactor().addAll([clientSecret, token]));
    const request = withPlaceholders(
      {
        method: 'POST',
        url: 'https://gw.test/token',
        headers: [['Authorization', `Bearer ${token}`]],
        body: `grant_type=client_credentials&client_secret=${percentEncode(clientSecret)}`,
      },
      replace,
    );
    const command = buildCurlCommand(request);
    expect(command).toContain(`-H 'Authorization: Bearer <secret>'`);
    expect(command).toContain(`--data-raw 'grant_type=client_credentials&client_secret=<secret:client_secret>'`);
    expect(command).not.toContain(clientSecret);
    expect(command).not.toContain(percentEncode(clientSecret));
    expect(command).not.toContain(token);
  });

  it('replaces a secret inside a JSON body', () => {
    const named = new Map([['api_key', 'k"ey\\1']]);
    const replace = placeholderReplacer(named, new Redactor());
    const body = JSON.stringify({ key: 'k"ey\\1', amount: 5 });
    expect(replace(body)).toBe('{"key":"<secret:api_key>","amount":5}');
  });
});
