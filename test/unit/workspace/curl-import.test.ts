import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCurl } from '../../../main/workspace/curl/parse-curl.ts';
import { shellWords } from '../../../main/workspace/curl/shell-words.ts';
import { openService, smallTree, tempDir } from './helpers.ts';

describe('shellWords', () => {
  it('splits like bash: quotes, escapes and line continuations', () => {
    expect(shellWords(`curl 'a b' "c \\"d\\" \\$e" f\\ g \\\n  h`)).toEqual(['curl', 'a b', 'c "d" $e', 'f g', 'h']);
  });

  it("keeps backslashes literal inside single quotes and decodes $'...'", () => {
    expect(shellWords(`x 'a\\nb' $'c\\nd\\x41\\u00e9\\''`)).toEqual(['x', 'a\\nb', 'c\ndAé\'']);
  });

  it('joins adjacent quoted parts into one word and keeps empty quoted words', () => {
    expect(shellWords(`-H'X: '"y"z ''`)).toEqual(['-HX: yz', '']);
  });

  it('accepts Windows line endings and cmd-style ^ continuations', () => {
    expect(shellWords('curl \\\r\n -X POST ^\n https://x')).toEqual(['curl', '-X', 'POST', 'https://x']);
  });

  it('refuses an unclosed quote', () => {
    expect(() => shellWords(`curl 'oops`)).toThrow(/never closed/);
    expect(() => shellWords(`curl "oops`)).toThrow(/never closed/);
  });
});

describe('parseCurl', () => {
  it('imports a multi-line JSON POST with headers', () => {
    const { request, warnings } = parseCurl(`curl -X POST 'https://api.example.test/v1/pay?ref=A%20B&x' \\
      -H 'Content-Type: application/json' \\
      -H "Accept: application/json" \\
      --data-raw '{"amount": 10, "note": "it'\\''s"}' --compressed -s`);
    expect(request.method).toBe('POST');
    expect(request.url).toBe('https://api.example.test/v1/pay');
    expect(request.params).toEqual([
      { name: 'ref', value: 'A%20B', enabled: true },
      { name: 'x', value: '', enabled: true },
    ]);
    expect(request.headers.map((header) => `${header.name}: ${header.value}`)).toEqual(['Content-Type: application/json', 'Accept: application/json']);
    expect(request.body).toEqual({ kind: 'json', text: `{"amount": 10, "note": "it's"}` });
    expect(request.name).toBe('POST pay');
    expect(warnings).toEqual([]);
  });

  it('turns -d pairs into a form body and implies POST', () => {
    const { request } = parseCurl(`curl https://x.test/form -d 'a=1&b=two+words' --data "c=%26"`);
    expect(request.method).toBe('POST');
    expect(request.body).toEqual({
      kind: 'form',
      pairs: [
        { name: 'a', value: '1', enabled: true },
        { name: 'b', value: 'two words', enabled: true },
        { name: 'c', value: '&', enabled: true },
      ],
    });
  });

  it('encodes --data-urlencode values', () => {
    const { request } = parseCurl(`curl https://x.test --data-urlencode 'q=a b&c' --data-urlencode 'n=1'`);
    expect(request.body).toEqual({
      kind: 'form',
      pairs: [{ name: 'q', value: 'a b&c', enabled: true }, { name: 'n', value: '1', enabled: true }],
    });
    // "=value" sends the encoded value alone, which is not a name=value pair: kept byte for byte.
    const bare = parseCurl(`curl https://x.test --data-urlencode '=raw value'`);
    expect(bare.request.body).toEqual({ kind: 'raw', text: 'raw%20value', contentType: 'application/x-www-form-urlencoded' });
  });

  it('keeps non-pair data with a non-form content type as raw', () => {
    const { request } = parseCurl(`curl -XPUT https://x.test -H 'content-type: text/xml' -d '<a>1</a>'`);
    expect(request.method).toBe('PUT');
    expect(request.body).toEqual({ kind: 'raw', text: '<a>1</a>', contentType: 'text/xml' });
  });

  it('-G moves data to the query string', () => {
    const { request } = parseCurl(`curl -G https://x.test/search -d q=1 -d page=2`);
    expect(request.method).toBe('GET');
    expect(request.body).toEqual({ kind: 'none' });
    expect(request.params.map((p) => `${p.name}=${p.value}`)).toEqual(['q=1', 'page=2']);
  });

  it('-u becomes basic auth whose password goes to the vault, not the request', () => {
    const { request, secretsToStore } = parseCurl(`curl -u 'analyst:s3cr3t:with:colons' https://x.test`, 'momo');
    expect(request.auth).toEqual({ mode: 'chain', steps: [{ type: 'basic', username: 'analyst', password: '{{secret:momo.basic_password}}' }] });
    expect(secretsToStore).toEqual([{ name: 'momo.basic_password', value: 's3cr3t:with:colons', kind: 'text' }]);
    expect(JSON.stringify(request)).not.toContain('s3cr3t');
  });

  it('an Authorization: Bearer header becomes bearer auth and leaves the headers', () => {
    const { request, secretsToStore } = parseCurl(`curl https://x.test -H 'Authorization: Bearer eyJtoken.value' -H 'X-A: 1'`);
    expect(request.headers).toEqual([{ name: 'X-A', value: '1', enabled: true }]);
    expect(request.auth).toEqual({ mode: 'chain', steps: [{ type: 'bearer', token: '{{secret:curl.bearer_token}}' }] });
    expect(secretsToStore.map((secret) => secret.value)).toEqual(['eyJtoken.value']);
  });

  it('reads a browser "Copy as cURL" command with $-quotes and bundled flags', () => {
    const { request, warnings } = parseCurl(
      `curl 'https://x.test/api' -H 'accept: */*' --data-raw $'{"a":"line\\nbreak"}' -sSLk -m 2.5 -A 'Agent/1' -b 'sid=1'`,
    );
    expect(request.body).toEqual({ kind: 'json', text: '{"a":"line\nbreak"}' });
    expect(request.settings).toEqual({ followRedirects: true, timeoutMs: 2500 });
    expect(request.headers.map((header) => header.name)).toEqual(['accept', 'User-Agent', 'Cookie']);
    expect(warnings.join(' ')).toMatch(/insecure/);
  });

  it('warns about what it cannot import: -d @file, -F name=<file, and -d beside -F', () => {
    const { request, warnings } = parseCurl(`curl https://x.test -F 'file=@a.png' -F 'name=x' -F 'text=<notes.txt' -d @body.json`);
    expect(request.body).toEqual({ kind: 'multipart', parts: [{ kind: 'file', name: 'file', path: 'a.png', enabled: true }, { kind: 'text', name: 'name', value: 'x', enabled: true }] });
    expect(warnings.join('\n')).toMatch(/text=<file[\s\S]*@body\.json reads a file[\s\S]*relative \(a\.png\)/);
  });

  it('refuses something that is not a curl command or has no URL', () => {
    expect(() => parseCurl('wget https://x.test')).toThrow(/does not start with curl/);
    expect(parseCurl('$ curl https://x.test/a').request.url).toBe('https://x.test/a');
    expect(() => parseCurl('curl -X POST')).toThrow(/no URL/);
    expect(() => parseCurl('curl https://x -H')).toThrow(/-H needs a value/);
  });
});

describe('parseCurl credentials in headers', () => {
  it('moves API-key style headers (MoMo subscription key) to the vault as API-key auth', () => {
    const { request, secretsToStore } = parseCurl(
      `curl -X POST https://sandbox.momodeveloper.mtn.com/v1_0/apiuser -H 'Ocp-Apim-Subscription-Key: 5a1d0c6e' -H 'X-Reference-Id: 3f6b2c1e' -H 'X-API-Key: k-1'`,
      'momo',
    );
    expect(request.headers).toEqual([{ name: 'X-Reference-Id', value: '3f6b2c1e', enabled: true }]);
    expect(request.auth).toEqual({
      mode: 'chain',
      steps: [
        { type: 'api-key', in: 'header', name: 'Ocp-Apim-Subscription-Key', value: '{{secret:momo.ocp_apim_subscription_key}}' },
        { type: 'api-key', in: 'header', name: 'X-API-Key', value: '{{secret:momo.x_api_key}}' },
      ],
    });
    expect(secretsToStore.map((secret) => secret.value)).toEqual(['5a1d0c6e', 'k-1']);
  });

  it('leaves out an Authorization header it cannot map, with a warning', () => {
    const { request, warnings } = parseCurl(`curl https://x.test -H 'Authorization: Digest username="a"'`);
    expect(request.headers).toEqual([]);
    expect(request.auth).toEqual({ mode: 'inherit' });
    expect(warnings.join(' ')).toMatch(/Authorization header has a scheme/);
  });
});

describe('curl import into the workspace', () => {
  it('adds the request to a folder, names its vault entries after the collection and never reuses a name', () => {
    const temp = tempDir();
    try {
      const service = openService(temp.dir);
      const { collection, folder } = smallTree(service);
      const first = service.importCurl(`curl -u 'analyst:pw-one' https://x.test/a`, folder);
      const second = service.importCurl(`curl -u 'analyst:pw-two' https://x.test/b`, folder, 'Second');
      expect(first.secretsToStore).toEqual([{ name: 'gateway.basic_password', value: 'pw-one', kind: 'text' }]);
      expect(second.secretsToStore).toEqual([{ name: 'gateway.basic_password_2', value: 'pw-two', kind: 'text' }]);
      expect(service.get(second.request.id).name).toBe('Second');
      expect(service.get(second.request.id).auth).toEqual({ mode: 'chain', steps: [{ type: 'basic', username: 'analyst', password: '{{secret:gateway.basic_password_2}}' }] });
      for (const env of service.environments(collection)) expect(env.secrets).toEqual(['gateway.basic_password', 'gateway.basic_password_2']);
      const folderNode = service.get(folder);
      expect(folderNode.kind === 'folder' && folderNode.children.slice(-2)).toEqual([first.request.id, second.request.id]);
      expect(readFileSync(join(temp.dir, 'workspace.json'), 'utf8')).not.toMatch(/pw-one|pw-two/);
    } finally {
      temp.cleanup();
    }
  });
});

describe('parseCurl data', () => {
  it('keeps line breaks in inline -d data, as curl sends them', () => {
    const { request } = parseCurl(`curl https://x.test -H 'Content-Type: application/json' -d '{\n  "a": 1\n}'`);
    expect(request.body).toEqual({ kind: 'json', text: '{\n  "a": 1\n}' });
  });
});
