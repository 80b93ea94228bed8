import { ServiceError } from '../../contract/errors.ts';
import type { KeyValue, MultipartPart, RequestSettings } from '../../contract/workspace.ts';
import { formFilePart } from './form-file.ts';
import { FLAG_OPTIONS, VALUE_OPTIONS } from './curl-options.ts';

/** What a curl command line says, option by option, before it becomes a request. */
export type Collected = {
  method?: string;
  url?: string;
  headers: KeyValue[];
  data: string[];
  jsonData: string[];
  /** -F and --form-string: multipart/form-data parts. */
  form: MultipartPart[];
  /** --data-binary @file: a binary-file body (only when it is the whole body). */
  dataFiles: string[];
  user?: string;
  bearer?: string;
  get: boolean;
  head: boolean;
  settings: RequestSettings;
  warnings: string[];
};

function splitOption(word: string): [option: string, attached: string | undefined] {
  if (word.startsWith('--')) return [word, undefined];
  // Short options may carry their value attached (-XPOST, -H'a: b') or be bundled (-sSL).
  return [word.slice(0, 2), word.length > 2 ? word.slice(2) : undefined];
}

function encodeUrlencodeArg(arg: string, warnings: string[]): string {
  const eq = arg.indexOf('=');
  const at = arg.indexOf('@');
  if (at >= 0 && (eq < 0 || at < eq)) {
    warnings.push(`--data-urlencode ${arg.slice(0, at)}@file reads a file; it was left out.`);
    return '';
  }
  if (eq < 0) return encodeURIComponent(arg);
  const name = arg.slice(0, eq);
  const value = encodeURIComponent(arg.slice(eq + 1));
  return name.length > 0 ? `${name}=${value}` : value;
}

export function collect(words: readonly string[]): Collected {
  const out: Collected = { headers: [], data: [], jsonData: [], form: [], dataFiles: [], get: false, head: false, settings: {}, warnings: [] };
  const first = words[0];
  if (first === undefined || !/(^|[\\/])curl(\.exe)?$/i.test(first)) throw new ServiceError('invalid_input', 'The command does not start with curl.');
  let i = 1;
  while (i < words.length) {
    const word = words[i++] ?? '';
    if (!word.startsWith('-') || word === '-') {
      if (out.url === undefined) out.url = word;
      else out.warnings.push('More than one URL was given; only the first is used.');
      continue;
    }
    if (word === '--') continue;
    const [option, attached] = splitOption(word);
    const valueKind = VALUE_OPTIONS[option];
    if (valueKind === undefined) {
      const flags = word.startsWith('--') ? [word] : word.slice(1).split('').map((letter) => `-${letter}`);
      for (const flag of flags) applyFlag(out, flag);
      continue;
    }
    const value = attached ?? words[i++];
    if (value === undefined) throw new ServiceError('invalid_input', `${option} needs a value.`);
    applyValue(out, valueKind, option, value);
  }
  return out;
}

function applyFlag(out: Collected, flag: string): void {
  switch (FLAG_OPTIONS[flag]) {
    case 'get':
      out.get = true;
      break;
    case 'head':
      out.head = true;
      break;
    case 'location':
      out.settings.followRedirects = true;
      break;
    case 'insecure':
      out.warnings.push('-k/--insecure was ignored: TLS certificates are always checked (add a custom CA in settings instead).');
      break;
    default:
      // --compressed, -s, -v, -i and the like do not change what is sent.
      break;
  }
}

function applyValue(out: Collected, kind: string, option: string, value: string): void {
  switch (kind) {
    case 'request':
      out.method = value.toUpperCase();
      break;
    case 'url':
      out.url ??= value;
      break;
    case 'header': {
      const colon = value.indexOf(':');
      if (colon <= 0) {
        out.warnings.push(`The header "${value.slice(0, 40)}" has no name: value form; it was left out.`);
        break;
      }
      out.headers.push({ name: value.slice(0, colon).trim(), value: value.slice(colon + 1).trim(), enabled: true });
      break;
    }
    case 'data-binary':
      // --data-binary @file sends the file's bytes as they are: a binary-file body.
      if (value.startsWith('@') && value.length > 1) out.dataFiles.push(value.slice(1));
      else out.data.push(value);
      break;
    case 'data':
      if (value.startsWith('@')) out.warnings.push(`${option} ${value} reads a file; it was left out.`);
      // curl strips line breaks only from data it reads from a file, which is not imported anyway.
      else out.data.push(value);
      break;
    case 'data-raw':
      out.data.push(value);
      break;
    case 'data-urlencode':
      out.data.push(encodeUrlencodeArg(value, out.warnings));
      break;
    case 'json':
      out.jsonData.push(value);
      break;
    case 'form':
    case 'form-string': {
      const eq = value.indexOf('=');
      const name = eq < 0 ? value : value.slice(0, eq);
      const content = eq < 0 ? '' : value.slice(eq + 1);
      if (kind === 'form' && content.startsWith('<')) out.warnings.push(`-F ${name}=<file sends a file's text as a field; it was left out.`);
      else if (kind === 'form' && content.startsWith('@')) out.form.push(formFilePart(name, content.slice(1)));
      else out.form.push({ kind: 'text', name, value: content, enabled: true });
      break;
    }
    case 'user':
      out.user = value;
      break;
    case 'bearer':
      out.bearer = value;
      break;
    case 'user-agent':
      out.headers.push({ name: 'User-Agent', value, enabled: true });
      break;
    case 'referer':
      out.headers.push({ name: 'Referer', value, enabled: true });
      break;
    case 'cookie':
      if (value.includes('=')) out.headers.push({ name: 'Cookie', value, enabled: true });
      else out.warnings.push(`${option} ${value} reads cookies from a file; it was left out.`);
      break;
    case 'max-time': {
      const seconds = Number(value);
      if (Number.isFinite(seconds) && seconds > 0) out.settings.timeoutMs = Math.min(Math.round(seconds * 1000), 3_600_000);
      break;
    }
    case 'upload':
      out.warnings.push(`${option} uploads a file; it was left out.`);
      out.method ??= 'PUT';
      break;
    default:
      break;
  }
}
