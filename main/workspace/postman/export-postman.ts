import pm from 'postman-collection';
import type { ExportedCollection, ExportedEnvironment, ExportedFolder, ExportedItem, ExportedRequest } from '../exchange/format.ts';
import type { KeyValue, RequestBody } from '../../contract/workspace.ts';
import { postmanAuth, type PostmanAuthParts } from './export-auth.ts';
import { TemplateMapper } from './export-templates.ts';
import { SECRET_VARIABLE_NOTE } from './secret-variables.ts';

export const POSTMAN_SCHEMA_V21 = 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json';

export type PostmanExport = {
  /** The Postman Collection v2.1 document. */
  collection: Record<string, unknown>;
  /** A Postman environment, when one was asked for: variables with their values, secrets by name with empty values. */
  environment?: Record<string, unknown>;
  /** What Postman cannot carry, one line each (also written into the descriptions where it applies). */
  notes: string[];
};

type Context = { t: TemplateMapper; notes: string[] };

const header = (pair: KeyValue, t: TemplateMapper): pm.HeaderDefinition => ({ key: pair.name, value: t.text(pair.value), ...(pair.enabled ? {} : { disabled: true }) });
const hasHeader = (headers: readonly KeyValue[], name: string): boolean => headers.some((pair) => pair.name.toLowerCase() === name.toLowerCase());

/** Postman's body, and the Content-Type Countersign would send that Postman does not set by itself. */
function bodyOf(body: RequestBody, t: TemplateMapper, notes: string[]): { body?: pm.RequestBodyDefinition; contentType?: string } {
  switch (body.kind) {
    case 'none':
      return {};
    case 'json':
      return { body: { mode: 'raw', raw: t.text(body.text), options: { raw: { language: 'json' } } } as pm.RequestBodyDefinition, contentType: 'application/json' };
    case 'raw': {
      const language = /xml/i.test(body.contentType) ? 'xml' : 'text';
      return { body: { mode: 'raw', raw: t.text(body.text), options: { raw: { language } } } as pm.RequestBodyDefinition, ...(body.contentType === '' ? {} : { contentType: body.contentType }) };
    }
    case 'form':
      return { body: { mode: 'urlencoded', urlencoded: body.pairs.map((pair) => ({ key: pair.name, value: t.text(pair.value), ...(pair.enabled ? {} : { disabled: true }) })) } };
    case 'multipart': {
      const formdata = body.parts.map((part) => {
        const disabled = part.enabled ? {} : { disabled: true };
        if (part.kind === 'text') return { key: part.name, value: t.text(part.value), type: 'text', ...disabled };
        if (part.fileName !== undefined) notes.push(`The file part "${part.name}" is sent as "${part.fileName}" by Countersign; Postman sends the file's own name.`);
        return { key: part.name, src: t.text(part.path), type: 'file', ...(part.contentType === undefined ? {} : { contentType: part.contentType }), ...disabled };
      });
      return { body: { mode: 'formdata', formdata } };
    }
    case 'binary':
      return { body: { mode: 'file', file: { src: t.text(body.path) } }, ...(body.contentType === '' ? {} : { contentType: body.contentType }) };
  }
}

/** A description with what Postman cannot do appended, so it travels with the item. */
function describe(description: string | undefined, notes: readonly string[]): { description?: string } {
  const added = notes.length === 0 ? '' : `Exported from Countersign. Not carried over:\n${notes.map((note) => `- ${note}`).join('\n')}`;
  const text = [description, added].filter((part) => part !== undefined && part !== '').join('\n\n');
  return text === '' ? {} : { description: text };
}

function placeholderEvent(parts: PostmanAuthParts): { event?: pm.EventDefinition[] } {
  if (parts.placeholder === undefined) return {};
  return {
    event: [
      {
        listen: 'prerequest',
        script: {
          type: 'text/javascript',
          name: 'Countersign placeholder',
          exec: [
            `// Countersign placeholder: ${parts.placeholder}.`,
            '// Postman cannot compute this signature without a script, and this one computes nothing:',
            '// write the signature here, or send the request from Countersign, which signs it in its main process.',
          ],
        },
      },
    ],
  };
}

function requestItem(request: ExportedRequest, path: string, ctx: Context): pm.ItemDefinition {
  const { t } = ctx;
  const notes: string[] = [];
  const auth = postmanAuth(request.auth, t);
  notes.push(...auth.notes);
  const { body, contentType } = bodyOf(request.body, t, notes);
  const headers = [...request.headers, ...auth.headers];
  if (contentType !== undefined && !hasHeader(headers, 'Content-Type')) headers.push({ name: 'Content-Type', value: contentType, enabled: true });
  const query = [...request.params, ...auth.query];
  const enabledQuery = query.filter((pair) => pair.enabled).map((pair) => `${pair.name}=${t.text(pair.value)}`);
  const base = t.text(request.url);
  const url = pm.Url.parse(enabledQuery.length === 0 ? base : `${base}${base.includes('?') ? '&' : '?'}${enabledQuery.join('&')}`);
  url.query = query.map((pair) => ({ key: pair.name, value: t.text(pair.value), ...(pair.enabled ? {} : { disabled: true }) }));
  if (request.settings?.timeoutMs !== undefined || request.settings?.saveToFile === true || request.settings?.network !== undefined) notes.push('Request settings (timeout, save to file, network overrides) are Countersign\'s own.');
  if (request.assertions !== undefined && request.assertions.length > 0) notes.push(`${String(request.assertions.length)} assertion(s): Postman writes checks as test scripts, so they are not exported.`);
  for (const note of notes) ctx.notes.push(`${path}: ${note}`);
  return {
    name: request.name,
    ...describe(request.description, notes),
    request: {
      method: request.method,
      url,
      header: headers.map((pair) => header(pair, t)),
      ...(body === undefined ? {} : { body }),
      ...(auth.auth === undefined ? {} : { auth: auth.auth }),
    },
    ...(request.settings?.followRedirects === false ? { protocolProfileBehavior: { followRedirects: false } } : {}),
    ...placeholderEvent(auth),
  };
}

function folderItem(folder: ExportedFolder, path: string, ctx: Context): pm.ItemGroupDefinition {
  const auth = postmanAuth(folder.auth, ctx.t);
  for (const note of auth.notes) ctx.notes.push(`${path}: ${note}`);
  return {
    name: folder.name,
    ...describe(folder.description, auth.notes),
    item: items(folder.items, path, ctx),
    ...(auth.auth === undefined ? {} : { auth: auth.auth }),
    ...placeholderEvent(auth),
  };
}

function items(list: readonly ExportedItem[], parent: string, ctx: Context): (pm.ItemDefinition | pm.ItemGroupDefinition)[] {
  return list.map((item) => (item.type === 'folder' ? folderItem(item, `${parent}${item.name}/`, ctx) : requestItem(item, `${parent}${item.name}`, ctx)));
}

function environmentOf(environment: ExportedEnvironment, t: TemplateMapper, notes: string[]): Record<string, unknown> {
  const values: { key: string; value: string; type: 'default' | 'secret'; enabled: boolean }[] = environment.variables.map((variable) => ({
    key: variable.name,
    value: t.text(variable.value),
    type: 'default',
    enabled: variable.enabled,
  }));
  const names = new Set(values.map((value) => value.key));
  // Every secret the environment declares or the requests use: the name only, the value left for the user.
  for (const name of [...environment.secrets, ...t.secrets]) {
    if (names.has(name)) continue;
    names.add(name);
    values.push({ key: name, value: '', type: 'secret', enabled: true });
  }
  if (environment.network !== undefined) notes.push(`Environment "${environment.name}": its network settings (proxy, CA, client certificate) are set in Postman's own settings instead.`);
  if (environment.secretProviders !== undefined) notes.push(`Environment "${environment.name}": where its secrets come from (CI variables, pass) is Countersign's own.`);
  const scope = new pm.VariableScope({ name: environment.name, values }).toJSON() as Record<string, unknown>;
  // toJSON keeps key/value/type; Postman reads `enabled` and the scope marker on an environment file.
  return { ...scope, values, _postman_variable_scope: 'environment' };
}

/**
 * A Countersign collection (the native export's tree, so secrets are already
 * vault names only) as a Postman Collection v2.1, built and normalised by
 * the postman-collection library. Secrets become `{{name}}` variables with
 * empty values; nothing here ever reads a vault.
 */
export function exportPostman(collection: ExportedCollection, environmentName?: string): PostmanExport {
  const t = new TemplateMapper();
  const ctx: Context = { t, notes: [] };
  const auth = postmanAuth(collection.auth, t);
  for (const note of auth.notes) ctx.notes.push(`${collection.name}: ${note}`);
  const itemList = items(collection.items, '', ctx);
  const collectionNotes = [...auth.notes];
  if (collection.flows.length > 0) collectionNotes.push(`${String(collection.flows.length)} flow(s): Postman has no flows, so they are not exported.`);
  const environment = environmentName === undefined ? undefined : collection.environments.find((env) => env.name === environmentName);
  const environmentJson = environment === undefined ? undefined : environmentOf(environment, t, ctx.notes);
  const built = new pm.Collection({
    info: { name: collection.name },
    ...describe(collection.description, collectionNotes),
    item: itemList,
    ...(auth.auth === undefined ? {} : { auth: auth.auth }),
    ...placeholderEvent(auth),
    // Declared empty: Postman lists them as the values to fill in.
    variable: [...t.secrets].map((name) => ({ key: name, value: '', type: 'string', description: SECRET_VARIABLE_NOTE })),
  });
  const json = built.toJSON() as Record<string, unknown> & { info: Record<string, unknown> };
  json.info = { ...json.info, schema: POSTMAN_SCHEMA_V21 };
  withRawUrls(json);
  const flowNote = collection.flows.length > 0 ? [`${collection.name}: ${String(collection.flows.length)} flow(s): Postman has no flows, so they are not exported.`] : [];
  return { collection: json, ...(environmentJson === undefined ? {} : { environment: environmentJson }), notes: [...ctx.notes, ...flowNote] };
}

/** The library writes a URL as its parts; Postman's own exports also carry `raw`, which its importer reads first. */
function withRawUrls(node: unknown): void {
  if (typeof node !== 'object' || node === null) return;
  const item = node as { item?: unknown[]; request?: { url?: pm.UrlDefinition & { raw?: string } } };
  const url = item.request?.url;
  if (url !== undefined && typeof url === 'object') url.raw = new pm.Url(url).toString();
  if (Array.isArray(item.item)) for (const child of item.item) withRawUrls(child);
}
