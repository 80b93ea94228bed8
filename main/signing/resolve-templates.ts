import type { AuthStep } from '../contract/auth.ts';
import type { RequestBody, SigningRequest } from './types.ts';
import { UnknownVariableError } from './errors.ts';
import type { StepUse } from './schemes/define.ts';
import { moduleOf } from './schemes/index.ts';
import type { VariableResolver } from './variables.ts';

/**
 * Resolves every template in a request: URL, header names and values, and the
 * body. The secrets it names are read first (in order); with none to read, it
 * returns at once instead of a promise (this runs on every send).
 */
export function resolveRequest(request: SigningRequest, resolver: VariableResolver): SigningRequest | Promise<SigningRequest> {
  const reading = resolver.fetchSecrets(requestTexts(request));
  return reading === undefined ? resolveRequestNow(request, resolver) : reading.then(() => resolveRequestNow(request, resolver));
}

/** The request's texts that name a secret, in the order they are resolved (headers, URL, body), so secrets are read in that order. */
function requestTexts(request: SigningRequest): string[] {
  const texts: string[] = [];
  for (const h of request.headers) withSecret(texts, h.name, h.value);
  withSecret(texts, request.url);
  const { body } = request;
  switch (body.kind) {
    case 'json':
    case 'raw':
      withSecret(texts, body.text);
      break;
    case 'form':
      for (const p of body.pairs) withSecret(texts, p.name, p.value);
      break;
    case 'multipart':
      for (const p of body.parts) withSecret(texts, p.name, p.kind === 'text' ? p.value : p.path);
      break;
    case 'binary':
      withSecret(texts, body.path);
      break;
    case 'none':
      break;
  }
  return texts;
}

function withSecret(texts: string[], text: string, other?: string): void {
  if (text.includes('secret:')) texts.push(text);
  if (other?.includes('secret:') === true) texts.push(other);
}

function resolveRequestNow(request: SigningRequest, resolver: VariableResolver): SigningRequest {
  const headers = [];
  for (const h of request.headers) headers.push({ name: resolver.resolveNow(h.name), value: resolver.resolveNow(h.value) });
  return {
    method: request.method,
    url: resolveUrl(request.url, resolver),
    headers,
    body: resolveBody(request.body, resolver),
  };
}

// `{{baseUrl}}/path` at the start of a URL: the join point where a base written with a trailing slash would double it.
const LEADING_BASE = /^(\{\{[^{}]+\}\})(\/.*)$/s;

function resolveUrl(url: string, resolver: VariableResolver): string {
  try {
    // Most URLs do not start with a template: they skip the RegExp (this runs on every send).
    const joined = url.startsWith('{{') ? LEADING_BASE.exec(url) : null;
    if (joined === null) return resolver.resolveNow(url);
    // `https://host/momo/` + `/collection` keeps one slash, as joinUrl does for derived URLs.
    const base = resolver.resolveNow(joined[1] ?? '');
    const rest = resolver.resolveNow(joined[2] ?? '');
    // A bare `http://` keeps its slashes, so the URL check can say it has no host.
    return base.endsWith('/') && !base.endsWith('://') ? `${base.replace(/\/+$/, '')}${rest}` : `${base}${rest}`;
  } catch (error) {
    if (!(error instanceof UnknownVariableError)) throw error;
    throw new UnknownVariableError(error.variable, `The request URL ${url}: ${error.message}`, error.cause);
  }
}

function resolveBody(body: RequestBody, resolver: VariableResolver): RequestBody {
  switch (body.kind) {
    case 'none':
      return body;
    case 'json':
      return { kind: 'json', text: jsonTextNow(body.text, resolver) };
    case 'raw':
      return { kind: 'raw', text: resolver.resolveNow(body.text) };
    case 'form': {
      const pairs = [];
      for (const p of body.pairs) pairs.push({ name: resolver.resolveNow(p.name), value: resolver.resolveNow(p.value) });
      return { kind: 'form', pairs };
    }
    case 'multipart': {
      // Names, text values and file paths may hold templates; file contents are sent as they are.
      const parts = [];
      for (const p of body.parts) {
        const name = resolver.resolveNow(p.name);
        parts.push(p.kind === 'text' ? { ...p, name, value: resolver.resolveNow(p.value) } : { ...p, name, path: resolver.resolveNow(p.path) });
      }
      return { kind: 'multipart', parts };
    }
    case 'binary':
      return { kind: 'binary', path: resolver.resolveNow(body.path) };
  }
}

/**
 * Inside a JSON string literal a value is JSON-escaped (a secret with a quote
 * must not break the body); outside one (`"amount": {{amount}}`) it goes in as is.
 */
export async function resolveJsonText(text: string, resolver: VariableResolver): Promise<string> {
  await resolver.fetchSecrets([text]);
  return jsonTextNow(text, resolver);
}

const jsonEscape = (value: string): string => JSON.stringify(value).slice(1, -1);

function jsonTextNow(text: string, resolver: VariableResolver): string {
  if (!text.includes('{{')) return text;
  let out = '';
  let start = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (inString && char === '\\') {
      i++;
    } else if (char === '"') {
      const segment = text.slice(start, i);
      out += inString ? resolver.resolveNow(segment, jsonEscape) : resolver.resolveNow(segment);
      out += '"';
      start = i + 1;
      inString = !inString;
    }
  }
  const rest = text.slice(start);
  return out + (inString ? resolver.resolveNow(rest, jsonEscape) : resolver.resolveNow(rest));
}

/**
 * Resolves the strings of the fields an auth step uses (its scheme's `use`). A field it
 * does not use keeps a plain value, and a template there becomes '' rather
 * than asking the vault for something this call does not need. A missing
 * variable or secret is named with the step and the reason it is needed.
 * Like resolveRequest, it reads the secrets first and is synchronous when
 * there are none left to read.
 */
export function resolveAuthStep<T extends AuthStep>(step: T, resolver: VariableResolver, environment: string): T | Promise<T> {
  const use = moduleOf(step).use(step);
  const reading = resolver.fetchSecrets(usedTexts(step, use.fields));
  return reading === undefined ? authStepNow(step, use, resolver, environment) : reading.then(() => authStepNow(step, use, resolver, environment));
}

/** The texts of the fields a step uses that may name a secret, in field order. */
function usedTexts(step: AuthStep, used: Readonly<Record<string, string>>): string[] {
  const texts: string[] = [];
  for (const key in step) if (used[key] !== undefined) textsIn((step as Record<string, unknown>)[key], texts);
  return texts;
}

function textsIn(value: unknown, texts: string[]): void {
  if (typeof value === 'string') {
    if (value.includes('secret:')) texts.push(value);
  } else if (Array.isArray(value)) {
    for (const item of value) textsIn(item, texts);
  } else if (value !== null && typeof value === 'object') {
    for (const item of Object.values(value)) textsIn(item, texts);
  }
}

function authStepNow<T extends AuthStep>(step: T, use: StepUse, resolver: VariableResolver, environment: string): T {
  // A copy of the step, then only the fields that hold a template are written again (this runs for every step of every send).
  const out: Record<string, unknown> = { ...step };
  for (const key in step) {
    const value: unknown = step[key];
    // Plain values (most fields) stay as they are.
    if (typeof value === 'string' ? !value.includes('{{') : typeof value !== 'object') continue;
    const why = use.fields[key];
    if (why === undefined) {
      // A field the step does not use: a template there becomes '' rather than asking for a value nobody needs.
      if (typeof value === 'string') out[key] = '';
      continue;
    }
    try {
      out[key] = resolveDeep(value, resolver);
    } catch (error) {
      throw error instanceof UnknownVariableError ? explainMissing(error, use.label, why, environment) : error;
    }
  }
  return out as T;
}

function explainMissing(error: UnknownVariableError, label: string, why: string, environment: string): UnknownVariableError {
  const step = `Step '${label}'`;
  if (error.variable.startsWith('secret:')) {
    const name = error.variable.slice('secret:'.length);
    return new UnknownVariableError(
      error.variable,
      `${step} needs ${name} in ${environment} to ${why}, but the vault has no such secret for ${environment}, or is locked. Add it on the Vault screen (or: countersign vault set ${name} --env ${environment}).`,
      error.cause,
    );
  }
  if (error.variable.startsWith('$')) return new UnknownVariableError(error.variable, `${step}: ${error.message}`);
  return new UnknownVariableError(
    error.variable,
    `${step} needs the variable {{${error.variable}}} in ${environment} to ${why}, but the environment does not define it.`,
  );
}

function resolveDeep(value: unknown, resolver: VariableResolver): unknown {
  if (typeof value === 'string') return resolver.resolveNow(value);
  if (Array.isArray(value)) return value.map((item) => resolveDeep(item, resolver));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = resolveDeep(item, resolver);
    return out;
  }
  return value;
}
