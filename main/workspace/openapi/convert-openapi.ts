import { isDeepStrictEqual } from 'node:util';
import type { AuthStep } from '../../contract/auth.ts';
import type { AuthSetting, KeyValue, MultipartPart, RequestBody } from '../../contract/workspace.ts';
import type { ExportedCollection, ExportedEnvironment, ExportedFolder, ExportedRequest } from '../exchange/format.ts';
import { slug } from '../exchange/secret-names.ts';
import { asText, exampleOf } from './examples.ts';
import { arr, entries, obj, str, type Json } from './json-reading.ts';
import { readOpenApi } from './read-document.ts';
import { createSecurityMapper, type AuthNeeds } from './security.ts';
import { environmentsFromServers } from './servers.ts';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
/** Headers Countersign sets itself: from the body, the auth, or not at all. */
const MANAGED_HEADERS = new Set(['content-type', 'authorization', 'accept']);
/** PayNet's signature headers: made by the PayNet signature step, not typed in. */
const PAYNET_HEADERS = ['x-signature', 'x-timestamp'];

export type OpenApiConversion = { draft: ExportedCollection; warnings: string[] };

/**
 * An OpenAPI 3.0/3.1 document as a collection draft: one folder per tag (an
 * operation goes under its first tag; untagged ones at the top), one request
 * per operation with its example body and parameters, one environment per
 * server (`{{baseUrl}}`), and the security schemes as auth where they fit.
 * Path parameters become `{{name}}` variables holding their examples.
 */
export async function convertOpenApi(text: string): Promise<OpenApiConversion> {
  const { document, warnings } = await readOpenApi(text);
  const info = obj(document.info) ?? {};
  const name = (str(info.title) ?? '').trim().slice(0, 200) || 'Imported API';
  const needs: AuthNeeds = { variables: new Set(), secrets: new Set(), warnings };
  const mapSecurity = createSecurityMapper(document, slug(name, 'api'), needs);
  const pathVariables = new Map<string, string>();
  const skipped = new Set<string>();

  type Operation = { request: ExportedRequest; tag: string | null; signed: boolean; inheritsDocument: boolean };
  const operations: Operation[] = [];
  for (const [path, item] of entries(document.paths)) {
    const pathItem = obj(item) ?? {};
    for (const method of METHODS) {
      const operation = obj(pathItem[method]);
      if (!operation) continue;
      const where = `${method.toUpperCase()} ${path}`;
      const parameters = mergeParameters(arr(pathItem.parameters), arr(operation.parameters));
      const params: KeyValue[] = [];
      const headers: KeyValue[] = [];
      let signed = false;
      for (const parameter of parameters) {
        const paramName = str(parameter.name) ?? '';
        const value = asText(exampleOf(parameter, parameter.schema));
        const place = str(parameter.in);
        if (place === 'path') {
          if (!pathVariables.has(paramName)) pathVariables.set(paramName, value);
        } else if (place === 'query') {
          params.push({ name: paramName, value, enabled: parameter.required === true || value !== '' });
        } else if (place === 'header') {
          const lower = paramName.toLowerCase();
          if (PAYNET_HEADERS.includes(lower)) signed = true;
          else if (!MANAGED_HEADERS.has(lower)) headers.push({ name: paramName, value, enabled: parameter.required === true || value !== '' });
        } else {
          skipped.add(`${place ?? 'unknown'} parameter "${paramName}" (${where})`);
        }
      }
      const body = bodyOf(obj(operation.requestBody), where, skipped);
      const request: ExportedRequest = {
        type: 'request',
        name: (str(operation.summary) ?? str(operation.operationId) ?? where).trim().slice(0, 200) || where,
        ...(descriptionOf(operation, where) ? { description: descriptionOf(operation, where) } : {}),
        method: method.toUpperCase(),
        url: `{{baseUrl}}${path.replace(/\{([^{}]+)\}/g, '{{$1}}')}`,
        params,
        headers,
        body,
        auth: withSignature(mapSecurity(operation.security ?? document.security), signed),
      };
      operations.push({ request, tag: str(arr(operation.tags)[0]) ?? null, signed, inheritsDocument: operation.security === undefined });
    }
  }
  if (operations.length === 0) warnings.push('The document has no operations under "paths": the collection is empty.');

  // The document's own security is the collection's auth; the PayNet signature joins it when every operation that uses it is signed.
  const documentUsers = operations.filter((operation) => operation.inheritsDocument);
  const collectionAuth = withSignature(mapSecurity(document.security), documentUsers.length > 0 && documentUsers.every((operation) => operation.signed));
  for (const operation of operations) if (isDeepStrictEqual(operation.request.auth, collectionAuth)) operation.request.auth = { mode: 'inherit' };
  if (operations.some((operation) => operation.signed)) warnings.push('X-Timestamp and X-Signature header parameters are made by the PayNet signature step (added after the OAuth 2.0 token), not typed in.');

  const folders = new Map<string, ExportedFolder>();
  for (const tag of arr(document.tags)) {
    const tagName = str(obj(tag)?.name);
    if (tagName !== undefined && tagName.trim() !== '') folders.set(tagName, folder(tagName, str(obj(tag)?.description)));
  }
  const top: (ExportedFolder | ExportedRequest)[] = [];
  for (const operation of operations) {
    if (operation.tag === null || operation.tag.trim() === '') {
      top.push(operation.request);
      continue;
    }
    const target = folders.get(operation.tag) ?? folder(operation.tag, undefined);
    folders.set(operation.tag, target);
    target.items.push(operation.request);
  }
  for (const entry of skipped) warnings.push(`Left out: ${entry}.`);

  const environments: ExportedEnvironment[] = environmentsFromServers(arr(document.servers), warnings).map((environment) => ({
    ...environment,
    variables: [
      ...environment.variables,
      ...[...pathVariables].map(([variable, value]) => ({ name: variable, value, enabled: true })),
      ...[...needs.variables].sort().map((variable) => ({ name: variable, value: '', enabled: true })),
    ],
    secrets: [...needs.secrets].sort(),
  }));
  if (needs.secrets.size > 0) warnings.push(`Put the credentials in the vault of each environment under: ${[...needs.secrets].sort().join(', ')}.`);

  const description = str(info.description);
  return {
    draft: {
      name,
      ...(description ? { description: description.slice(0, 100_000) } : {}),
      auth: collectionAuth.mode === 'inherit' ? { mode: 'none' } : collectionAuth,
      environments,
      flows: [],
      items: [...[...folders.values()].filter((item) => item.items.length > 0), ...top],
    },
    warnings,
  };
}

function folder(name: string, description: string | undefined): ExportedFolder {
  return { type: 'folder', name: name.slice(0, 200), ...(description ? { description: description.slice(0, 100_000) } : {}), auth: { mode: 'inherit' }, items: [] };
}

function descriptionOf(operation: Json, where: string): string | undefined {
  const parts = [str(operation.description), operation.deprecated === true ? 'Deprecated in the API description.' : undefined, `OpenAPI: ${where}`].filter((part): part is string => part !== undefined && part !== '');
  return parts.join('\n\n').slice(0, 100_000);
}

/** Path-level parameters, replaced by an operation's own of the same name and place. */
function mergeParameters(pathLevel: unknown[], operationLevel: unknown[]): Json[] {
  const merged = new Map<string, Json>();
  for (const parameter of [...pathLevel, ...operationLevel]) {
    const object = obj(parameter);
    if (object) merged.set(`${str(object.in) ?? ''}:${str(object.name) ?? ''}`, object);
  }
  return [...merged.values()];
}

/** A multipart schema's properties as parts: `format: binary` (or a media type) is a file part with no file chosen yet, anything else a text part with its example. */
function multipartOf(schema: Json | undefined): RequestBody {
  const parts: MultipartPart[] = entries(schema?.properties).map(([name, value]) => {
    const property = obj(value);
    const isFile = str(property?.format) === 'binary' || str(property?.format) === 'base64' || str(property?.contentMediaType) !== undefined;
    return isFile ? { kind: 'file', name, path: '', enabled: true } : { kind: 'text', name, value: asText(exampleOf(property, property)), enabled: true };
  });
  return { kind: 'multipart', parts };
}

/** JSON first, then a form, then any text type, then multipart and binary files (their files left to choose); anything else is reported. */
function bodyOf(requestBody: Json | undefined, where: string, skipped: Set<string>): RequestBody {
  const content = entries(requestBody?.content);
  if (content.length === 0) return { kind: 'none' };
  const find = (test: (type: string) => boolean) => content.find(([type]) => test(type.toLowerCase()));
  const jsonMedia = find((type) => type === 'application/json' || /\+json$/.test(type) || type === '*/*');
  if (jsonMedia) {
    const example = exampleOf(obj(jsonMedia[1]), obj(jsonMedia[1])?.schema);
    return { kind: 'json', text: example === undefined ? '' : JSON.stringify(example, null, 2) };
  }
  const formMedia = find((type) => type === 'application/x-www-form-urlencoded');
  if (formMedia) {
    const example = obj(exampleOf(obj(formMedia[1]), obj(formMedia[1])?.schema)) ?? {};
    return { kind: 'form', pairs: Object.entries(example).map(([field, value]) => ({ name: field, value: asText(value), enabled: true })) };
  }
  const textMedia = find((type) => type.startsWith('text/') || /[/+]xml$/.test(type));
  if (textMedia) return { kind: 'raw', contentType: textMedia[0], text: asText(exampleOf(obj(textMedia[1]), obj(textMedia[1])?.schema)) };
  const multipartMedia = find((type) => type === 'multipart/form-data');
  if (multipartMedia) return multipartOf(obj(obj(multipartMedia[1])?.schema));
  const binaryMedia = find((type) => type === 'application/octet-stream' || type.startsWith('image/') || type === 'application/pdf');
  // The file is the user's to choose: the request says so when sent without one.
  if (binaryMedia) return { kind: 'binary', path: '', contentType: binaryMedia[0] === 'application/octet-stream' ? '' : binaryMedia[0] };
  skipped.add(`the ${content.map(([type]) => type).join(' / ')} body of ${where} (set it by hand)`);
  return { kind: 'none' };
}

/** Adds the PayNet signature after an OAuth 2.0 client-credentials step, keyed with the same client secret. */
function withSignature(auth: AuthSetting, signed: boolean): AuthSetting {
  if (!signed || auth.mode !== 'chain') return auth;
  const token = auth.steps.find((step): step is Extract<AuthStep, { type: 'oauth2-client-credentials' }> => step.type === 'oauth2-client-credentials');
  if (!token || auth.steps.some((step) => step.type === 'paynet-signature')) return auth;
  return { mode: 'chain', steps: [...auth.steps, { type: 'paynet-signature', clientSecret: token.clientSecret }] };
}
