import type { AuthStep } from '../contract/auth.ts';
import type { RequestBody, SigningRequest } from './types.ts';
import { UnknownVariableError } from './errors.ts';
import { moduleOf } from './schemes/index.ts';
import type { VariableResolver } from './variables.ts';

/** Resolves every template in a request: URL, header names and values, and the body. */
export async function resolveRequest(request: SigningRequest, resolver: VariableResolver): Promise<SigningRequest> {
  const headers = [];
  for (const h of request.headers) headers.push({ name: await resolver.resolve(h.name), value: await resolver.resolve(h.value) });
  return {
    method: request.method,
    url: await resolveUrl(request.url, resolver),
    headers,
    body: await resolveBody(request.body, resolver),
  };
}

// `{{baseUrl}}/path` at the start of a URL: the join point where a base written with a trailing slash would double it.
const LEADING_BASE = /^(\{\{[^{}]+\}\})(\/.*)$/s;

async function resolveUrl(url: string, resolver: VariableResolver): Promise<string> {
  try {
    const joined = LEADING_BASE.exec(url);
    if (joined === null) return await resolver.resolve(url);
    // `https://host/momo/` + `/collection` keeps one slash, as joinUrl does for derived URLs.
    const base = await resolver.resolve(joined[1] ?? '');
    const rest = await resolver.resolve(joined[2] ?? '');
    // A bare `http://` keeps its slashes, so the URL check can say it has no host.
    return base.endsWith('/') && !base.endsWith('://') ? `${base.replace(/\/+$/, '')}${rest}` : `${base}${rest}`;
  } catch (error) {
    if (!(error instanceof UnknownVariableError)) throw error;
    throw new UnknownVariableError(error.variable, `The request URL ${url}: ${error.message}`, error.cause);
  }
}

async function resolveBody(body: RequestBody, resolver: VariableResolver): Promise<RequestBody> {
  switch (body.kind) {
    case 'none':
      return body;
    case 'json':
      return { kind: 'json', text: await resolveJsonText(body.text, resolver) };
    case 'raw':
      return { kind: 'raw', text: await resolver.resolve(body.text) };
    case 'form': {
      const pairs = [];
      for (const p of body.pairs) pairs.push({ name: await resolver.resolve(p.name), value: await resolver.resolve(p.value) });
      return { kind: 'form', pairs };
    }
    case 'multipart': {
      // Names, text values and file paths may hold templates; file contents are sent as they are.
      const parts = [];
      for (const p of body.parts) {
        const name = await resolver.resolve(p.name);
        parts.push(p.kind === 'text' ? { ...p, name, value: await resolver.resolve(p.value) } : { ...p, name, path: await resolver.resolve(p.path) });
      }
      return { kind: 'multipart', parts };
    }
    case 'binary':
      return { kind: 'binary', path: await resolver.resolve(body.path) };
  }
}

/**
 * Inside a JSON string literal a value is JSON-escaped (a secret with a quote
 * must not break the body); outside one (`"amount": {{amount}}`) it goes in as is.
 */
export async function resolveJsonText(text: string, resolver: VariableResolver): Promise<string> {
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
      out += inString ? await resolveEscaped(segment, resolver) : await resolver.resolve(segment);
      out += '"';
      start = i + 1;
      inString = !inString;
    }
  }
  const rest = text.slice(start);
  return out + (inString ? await resolveEscaped(rest, resolver) : await resolver.resolve(rest));
}

async function resolveEscaped(segment: string, resolver: VariableResolver): Promise<string> {
  return resolver.resolve(segment, (value) => JSON.stringify(value).slice(1, -1));
}

/**
 * Resolves the strings of the fields an auth step uses (its scheme's `use`). A field it
 * does not use keeps a plain value, and a template there becomes '' rather
 * than asking the vault for something this call does not need. A missing
 * variable or secret is named with the step and the reason it is needed.
 */
export async function resolveAuthStep<T extends AuthStep>(step: T, resolver: VariableResolver, environment: string): Promise<T> {
  const use = moduleOf(step).use(step);
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(step)) {
    const why = use.fields[key];
    if (why === undefined) {
      out[key] = typeof value === 'string' && value.includes('{{') ? '' : value;
      continue;
    }
    // Most fields hold no template: they skip the async walk (this runs for every step of every send).
    if (typeof value !== 'object' && (typeof value !== 'string' || !value.includes('{{'))) {
      out[key] = value;
      continue;
    }
    try {
      out[key] = await resolveDeep(value, resolver);
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

async function resolveDeep(value: unknown, resolver: VariableResolver): Promise<unknown> {
  if (typeof value === 'string') return resolver.resolve(value);
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    for (const item of value) out.push(await resolveDeep(item, resolver));
    return out;
  }
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = await resolveDeep(item, resolver);
    return out;
  }
  return value;
}
