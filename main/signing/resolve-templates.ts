import type { AuthStep } from '../contract/auth.ts';
import type { RequestBody, SigningRequest } from './types.ts';
import type { VariableResolver } from './variables.ts';

/** Resolves every template in a request: URL, header names and values, and the body. */
export async function resolveRequest(request: SigningRequest, resolver: VariableResolver): Promise<SigningRequest> {
  const headers = [];
  for (const h of request.headers) headers.push({ name: await resolver.resolve(h.name), value: await resolver.resolve(h.value) });
  return {
    method: request.method,
    url: await resolver.resolve(request.url),
    headers,
    body: await resolveBody(request.body, resolver),
  };
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

/** Resolves every string inside an auth step; non-template strings come back unchanged. */
export async function resolveAuthStep<T extends AuthStep>(step: T, resolver: VariableResolver): Promise<T> {
  return (await resolveDeep(step, resolver)) as T;
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
