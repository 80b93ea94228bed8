import pm from 'postman-collection';
import type { AuthStep } from '../../contract/auth.ts';
import { ServiceError } from '../../contract/errors.ts';
import type { AuthSetting, EnvironmentVariable, KeyValue, MultipartPart, RequestBody } from '../../contract/workspace.ts';
import { splitQuery } from '../curl/query.ts';
import { DEFAULT_ENVIRONMENTS } from '../defaults.ts';
import { ExportedCollection, type ExportedItem, type ExportedRequest } from '../exchange/format.ts';
import { SECRET_FIELDS } from '../secret-fields.ts';
import { mapPostmanAuth, type PostmanAuthParams } from './postman-auth.ts';
import { MAX_POSTMAN_NESTING, nestedDeeperThan } from './nesting.ts';
import { mapDynamicDeep } from './dynamic-variables.ts';
import { scriptsOf, type DroppedScript } from './scripts.ts';
import { markSecretsDeep, SECRET_VARIABLE_NOTE } from './secret-variables.ts';

export type PostmanConversion = { draft: ExportedCollection; warnings: string[]; droppedScripts: DroppedScript[] };

type PairLike = { key?: string | null; value?: unknown; disabled?: boolean };

/** Names as the workspace takes them: one line, at most 200 characters, never empty. */
function cleanName(name: string | undefined, fallback: string): string {
  const cleaned = (name ?? '').replace(/\p{Cc}+/gu, ' ').trim().slice(0, 200).trim();
  return cleaned.length > 0 ? cleaned : fallback;
}

function descriptionOf(description: string | pm.DescriptionDefinition | undefined): { description?: string } {
  const content = typeof description === 'string' ? description : description?.content;
  return content ? { description: content.slice(0, 100_000) } : {};
}

function valueText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return '';
}

function pairs(list: readonly PairLike[]): KeyValue[] {
  return list.map((pair) => ({ name: pair.key ?? '', value: valueText(pair.value), enabled: pair.disabled !== true }));
}

function authOf(auth: pm.RequestAuth | undefined, where: string, warnings: string[]): AuthSetting {
  if (!auth) return { mode: 'inherit' };
  const params = (auth.parameters().toObject() ?? {}) as PostmanAuthParams;
  return mapPostmanAuth(auth.type, params, where, warnings);
}

type PostmanFormField = PairLike & { type?: string; src?: unknown; contentType?: unknown };

/** Postman's formdata: text fields and file fields (a file field may list several files: one part each). */
function multipartOf(fields: readonly PostmanFormField[], where: string, warnings: string[]): RequestBody {
  const parts: MultipartPart[] = [];
  const paths: string[] = [];
  for (const field of fields) {
    const name = field.key ?? '';
    const enabled = field.disabled !== true;
    if (field.type !== 'file') {
      parts.push({ kind: 'text', name, value: valueText(field.value), enabled });
      continue;
    }
    const contentType = typeof field.contentType === 'string' && field.contentType !== '' ? { contentType: field.contentType } : {};
    const sources = (Array.isArray(field.src) ? field.src : [field.src]).filter((src): src is string => typeof src === 'string' && src !== '');
    if (sources.length === 0) {
      warnings.push(`${where}: the file field "${name}" names no file: choose one before sending.`);
      parts.push({ kind: 'file', name, path: '', enabled, ...contentType });
    }
    for (const path of sources) {
      parts.push({ kind: 'file', name, path, enabled, ...contentType });
      paths.push(path);
    }
  }
  if (paths.length > 0) warnings.push(`${where}: the multipart body reads ${paths.join(', ')} when sent: check that the paths exist on this machine.`);
  return { kind: 'multipart', parts };
}

function bodyOf(request: pm.Request, where: string, warnings: string[]): RequestBody {
  const body = request.body;
  if (!body || body.isEmpty()) return { kind: 'none' };
  const contentType = request.headers.get('Content-Type') as string | undefined;
  switch (body.mode) {
    case 'raw': {
      const text = body.raw ?? '';
      const language = (body as unknown as { options?: { raw?: { language?: string } } }).options?.raw?.language;
      if (language === 'json' || contentType?.toLowerCase().includes('json') === true) return { kind: 'json', text };
      return { kind: 'raw', text, contentType: contentType ?? (language === 'xml' ? 'application/xml' : 'text/plain') };
    }
    case 'urlencoded':
      return { kind: 'form', pairs: pairs((body.urlencoded?.all() ?? [])) };
    case 'formdata':
      return multipartOf(body.formdata?.all() ?? [], where, warnings);
    case 'file': {
      const src = (body as unknown as { file?: { src?: unknown } }).file?.src;
      const path = typeof src === 'string' ? src : '';
      warnings.push(path === '' ? `${where}: the binary body names no file: choose one before sending.` : `${where}: the binary body reads ${path} when sent: check that the path exists on this machine.`);
      return { kind: 'binary', path, contentType: contentType ?? '' };
    }
    default:
      warnings.push(`${where}: a "${body.mode}" body is not supported and was left out.`);
      return { kind: 'none' };
  }
}

function requestOf(item: pm.Item, where: string, warnings: string[], dropped: DroppedScript[]): ExportedRequest {
  const request = item.request;
  const scripts = scriptsOf(item, where.slice(1));
  if (scripts !== undefined) dropped.push(scripts);
  const { base } = splitQuery(request.url.toString());
  const params = pairs(request.url.query.all());
  const { body, auth } = oauthParamsInBodyHint(bodyOf(request, where, warnings), authOf(request.auth, where, warnings), where, warnings);
  const unmapped = new Set<string>();
  const sent = mapDynamicDeep({ url: base, params, headers: pairs(request.headers.all()), body, auth }, unmapped);
  if (unmapped.size > 0) {
    const names = [...unmapped].sort().map((name) => `{{${name}}}`).join(', ');
    warnings.push(`${where}: ${names} ${unmapped.size === 1 ? 'is a Postman dynamic variable' : 'are Postman dynamic variables'} with no Countersign equivalent (we have $uuid, $timestamp, $isoTimestamp, $nonce, $randomInt): replace before sending.`);
  }
  return {
    type: 'request',
    name: cleanName(item.name, 'Untitled request'),
    ...descriptionOf(item.description),
    method: request.method.toUpperCase(),
    ...sent,
  };
}

/**
 * Postman sends OAuth 1.0 parameters either in the header or in the body,
 * never both, which Elecsnet-style gateways want. A form body that already
 * lists oauth_* fields next to header OAuth says so: those placeholder fields
 * are dropped and the signer is told to put the real values in the body too.
 */
function oauthParamsInBodyHint(body: RequestBody, auth: AuthSetting, where: string, warnings: string[]): { body: RequestBody; auth: AuthSetting } {
  const step = auth.mode === 'chain' ? auth.steps[0] : undefined;
  if (body.kind !== 'form' || step?.type !== 'oauth1' || step.oauthParamsInBody) return { body, auth };
  const isOAuth = (name: string): boolean => name.startsWith('oauth_');
  if (!body.pairs.some((pair) => isOAuth(pair.name))) return { body, auth };
  warnings.push(`${where}: the form body listed oauth_* fields, so the OAuth parameters are sent in the body as well as the header.`);
  return { body: { kind: 'form', pairs: body.pairs.filter((pair) => !isOAuth(pair.name)) }, auth: { mode: 'chain', steps: [{ ...step, oauthParamsInBody: true }] } };
}

function itemsOf(group: pm.ItemGroup<pm.Item>, path: string, warnings: string[], dropped: DroppedScript[]): ExportedItem[] {
  return group.items.all().map((entry): ExportedItem => {
    const where = `${path}/${entry.name}`;
    if (pm.ItemGroup.isItemGroup(entry)) {
      const folder = entry as unknown as pm.ItemGroup<pm.Item>;
      const scripts = scriptsOf(folder, `${where.slice(1)} (folder)`);
      if (scripts !== undefined) dropped.push(scripts);
      return {
        type: 'folder',
        name: cleanName(folder.name, 'Untitled folder'),
        ...descriptionOf(folder.description),
        auth: authOf(folder.auth, where, warnings),
        items: itemsOf(folder, where, warnings, dropped),
      };
    }
    return requestOf(entry as pm.Item, where, warnings, dropped);
  });
}

/**
 * A secret field that holds exactly `{{var}}`, where `var` is a collection
 * variable with a value, gets that value instead, and the variable is dropped:
 * the value then goes to the vault rather than into an environment.
 */
function inlineSecretVariables(items: ExportedItem[], auths: AuthSetting[], variables: Map<string, string>): Set<string> {
  const used = new Set<string>();
  const visit = (auth: AuthSetting): AuthSetting => {
    if (auth.mode !== 'chain') return auth;
    const steps = auth.steps.map((step): AuthStep => {
      const copy = { ...step } as Record<string, unknown>;
      for (const [field] of SECRET_FIELDS[step.type]) {
        const value = copy[field];
        const ref = typeof value === 'string' ? /^\{\{\s*([^{}:$]+?)\s*\}\}$/.exec(value)?.[1] : undefined;
        const resolved = ref === undefined ? undefined : variables.get(ref);
        if (ref !== undefined && resolved !== undefined && resolved !== '') {
          copy[field] = resolved;
          used.add(ref);
        }
      }
      return copy as AuthStep;
    });
    return { mode: 'chain', steps };
  };
  const walk = (list: ExportedItem[]): void => {
    for (const item of list) {
      item.auth = visit(item.auth);
      if (item.type === 'folder') walk(item.items);
    }
  };
  walk(items);
  for (let i = 0; i < auths.length; i++) auths[i] = visit(auths[i] ?? { mode: 'none' });
  return used;
}

/** Converts a Postman Collection v2.0/v2.1 JSON text into a nested draft; secrets are still inline here. */
export function convertPostman(text: string): PostmanConversion {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ServiceError('invalid_input', 'The file is not JSON.');
  }
  // Checked before the Postman library walks it: its recursion would fail with a stack overflow.
  if (nestedDeeperThan(json, MAX_POSTMAN_NESTING)) {
    throw new ServiceError('invalid_input', `The file is nested deeper than ${MAX_POSTMAN_NESTING} levels (folders inside folders); Countersign cannot import it.`);
  }
  const info = (json as { info?: { schema?: unknown } } | null)?.info;
  if (typeof info?.schema !== 'string' || !/collection\/v2\.[01]\.\d+\/collection\.json$/.test(info.schema)) {
    throw new ServiceError('invalid_input', 'The file is not a Postman Collection v2.0 or v2.1 (export it from Postman as "Collection v2.1").');
  }
  const collection = new pm.Collection(json as pm.CollectionDefinition);
  const warnings: string[] = [];
  const dropped: DroppedScript[] = [];
  const collectionScripts = scriptsOf(collection, '(collection)');
  if (collectionScripts !== undefined) dropped.push(collectionScripts);
  const items = itemsOf(collection, '', warnings, dropped);
  const auths = [authOf(collection.auth, collection.name, warnings)];
  const values = new Map<string, string>();
  const disabled = new Set<string>();
  // Variables a Countersign export declared for vault secrets: references to them become {{secret:name}} again.
  const vaultNames = new Set<string>();
  for (const variable of collection.variables.all()) {
    if (variable.key === undefined || variable.key === null) continue;
    if (valueText(variable.value) === '' && descriptionOf(variable.description).description === SECRET_VARIABLE_NOTE) {
      vaultNames.add(variable.key);
      continue;
    }
    values.set(variable.key, valueText(variable.value));
    if (variable.disabled) disabled.add(variable.key);
  }
  if (vaultNames.size > 0) {
    items.splice(0, items.length, ...markSecretsDeep(items, vaultNames));
    auths.splice(0, auths.length, ...markSecretsDeep(auths, vaultNames));
    warnings.push(`Exported from Countersign: ${[...vaultNames].sort().map((name) => `{{secret:${name}}}`).join(', ')} ${vaultNames.size === 1 ? 'is a vault secret' : 'are vault secrets'}; add the values to the vault of each environment.`);
  }
  const secretVariables = inlineSecretVariables(items, auths, values);
  const variables: EnvironmentVariable[] = [...values]
    .filter(([name]) => !secretVariables.has(name))
    .map(([name, value]) => ({ name, value, enabled: !disabled.has(name) }));
  if (secretVariables.size > 0) {
    const names = [...secretVariables].sort().map((name) => `{{${name}}}`).join(', ');
    warnings.push(`${names} held secrets used by auth: the values go to the vault, and the variables are not kept.`);
  }
  if (variables.length > 0) warnings.push('Collection variables were copied into every environment; review the UAT and Production values.');
  const collectionAuth = auths[0] ?? { mode: 'none' };
  const parsed = ExportedCollection.safeParse({
    name: cleanName(collection.name, 'Imported collection'),
    ...descriptionOf(collection.description),
    auth: collectionAuth.mode === 'inherit' ? { mode: 'none' } : collectionAuth,
    environments: DEFAULT_ENVIRONMENTS.map((env) => ({ name: env.name, protected: env.protected, variables, secrets: [...vaultNames] })),
    items,
  });
  if (!parsed.success) {
    throw new ServiceError(
      'invalid_input',
      'The Postman collection holds something Countersign cannot store.',
      parsed.error.issues.slice(0, 20).map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
    );
  }
  return { draft: parsed.data, warnings, droppedScripts: dropped };
}
