import type { AuthStep } from '../../contract/auth.ts';
import { ServiceError } from '../../contract/errors.ts';
import { HTTP_METHOD_PATTERN, type AuthSetting, type KeyValue, type RequestBody } from '../../contract/workspace.ts';
import type { ExportedRequest } from '../exchange/format.ts';
import { secretNamer } from '../exchange/secret-names.ts';
import type { SecretToStore } from '../import-result.ts';
import { extractSecrets } from '../secret-fields.ts';
import { collect, type Collected } from './collect-args.ts';
import { authOf, headerValue } from './curl-auth.ts';
import { splitQuery } from './query.ts';
import { shellWords } from './shell-words.ts';

export type CurlImport = {
  request: ExportedRequest;
  /** `-u user:pass` and `Authorization` header secrets, for the vault; the request names them. */
  secretsToStore: SecretToStore[];
  warnings: string[];
};

function formPairs(text: string): KeyValue[] | null {
  if (!/^[^=&\s]+=[^&]*(&[^=&\s]+=[^&]*)*$/.test(text)) return null;
  return [...new URLSearchParams(text)].map(([name, value]) => ({ name, value, enabled: true }));
}

function bodyOf(c: Collected): RequestBody {
  if (c.jsonData.length > 0) return { kind: 'json', text: c.jsonData.join('') };
  if (c.form.length > 0) {
    if (c.data.length > 0 || c.dataFiles.length > 0) c.warnings.push('-F cannot be mixed with -d or --data-binary; the -d data was left out.');
    const paths = c.form.flatMap((part) => (part.kind === 'file' ? [part.path] : []));
    if (paths.some((path) => !path.startsWith('/'))) c.warnings.push(`A file path is relative (${paths.filter((path) => !path.startsWith('/')).join(', ')}): give its full path before sending.`);
    return { kind: 'multipart', parts: c.form };
  }
  if (c.dataFiles.length > 0) {
    const [path = ''] = c.dataFiles;
    if (c.dataFiles.length > 1 || c.data.length > 0) c.warnings.push(`--data-binary @${path} is imported as the whole body; the other data was left out.`);
    if (!path.startsWith('/')) c.warnings.push(`The file path ${path} is relative: give its full path before sending.`);
    return { kind: 'binary', path, contentType: headerValue(c.headers, 'content-type') ?? '' };
  }
  if (c.data.length === 0) return { kind: 'none' };
  const text = c.data.join('&');
  const type = (headerValue(c.headers, 'content-type') ?? '').toLowerCase();
  const looksJson = /^\s*[[{]/.test(text);
  if (type.includes('json') || (type === '' && looksJson)) return { kind: 'json', text };
  if (type === '' || type.includes('application/x-www-form-urlencoded')) {
    const pairs = formPairs(text);
    if (pairs) return { kind: 'form', pairs };
    return { kind: 'raw', text, contentType: 'application/x-www-form-urlencoded' };
  }
  return { kind: 'raw', text, contentType: headerValue(c.headers, 'content-type') ?? 'text/plain' };
}

function nameFromUrl(method: string, url: string): string {
  const path = url.replace(/^[a-z]+:\/\/[^/]*/i, '').split('?')[0] ?? '';
  const last = path.split('/').filter((part) => part.length > 0).pop();
  return `${method} ${last ?? (url.length > 0 ? url : 'request')}`.slice(0, 200);
}

/**
 * A request from a pasted curl command. Credentials (`-u`, an Authorization
 * header, --oauth2-bearer) become an auth scheme whose secret is returned for
 * the vault under `secretPrefix.*`, so the workspace never holds it.
 */
export function parseCurl(command: string, secretPrefix = 'curl', takenSecretNames: Iterable<string> = []): CurlImport {
  // A copied shell prompt (`$ curl ...`) is not part of the command.
  const c = collect(shellWords(command.trim().replace(/^\$\s+/, '')));
  if (c.url === undefined) throw new ServiceError('invalid_input', 'The curl command has no URL.');
  const body = c.get ? { kind: 'none' as const } : bodyOf(c);
  let url = c.url;
  if (c.get && c.data.length > 0) url += (url.includes('?') ? '&' : '?') + c.data.join('&');
  const method = c.method ?? (c.head ? 'HEAD' : body.kind === 'none' ? 'GET' : 'POST');
  // Refused here, not stored: a method like `GET;rm` breaks every later read of the workspace.
  if (!HTTP_METHOD_PATTERN.test(method) || method.length > 20) {
    throw new ServiceError('invalid_input', `The curl command's method ${JSON.stringify(method)} (-X) is not an HTTP method: use a single word such as GET, POST or PUT.`);
  }
  const found = authOf(c);
  const secretsToStore: SecretToStore[] = [];
  let auth: AuthSetting = { mode: 'inherit' };
  let headers = found.headers;
  if (found.steps.length > 0) {
    const nameFor = secretNamer(secretPrefix, takenSecretNames);
    const label = (step: AuthStep, field: string): string => (step.type === 'api-key' ? step.name : `${step.type}_${field}`);
    auth = { mode: 'chain', steps: found.steps.map((step) => extractSecrets(step, (field) => nameFor(label(step, field)), secretsToStore)) };
  }
  if (c.jsonData.length > 0 && headerValue(headers, 'content-type') === undefined) headers = [...headers, { name: 'Content-Type', value: 'application/json', enabled: true }];
  const { base, params } = splitQuery(url);
  const hasSettings = Object.keys(c.settings).length > 0;
  return {
    request: {
      type: 'request',
      name: nameFromUrl(method, base),
      method,
      url: base,
      params,
      headers,
      body,
      auth,
      ...(hasSettings ? { settings: c.settings } : {}),
    },
    secretsToStore,
    warnings: c.warnings,
  };
}

