import type { KeyValue, NodeId, RequestBody, RequestNode, WorkspaceDocument } from '../../contract/workspace.ts';
import { requireCollection, subtreeIds } from '../document.ts';
import { secretTemplate } from '../secret-fields.ts';
import { slug } from './secret-names.ts';

/** A value typed into a request that looks like a credential. Never holds the value. */
export type CredentialFinding = {
  /** Stable for one workspace state: request id, place and position. */
  readonly id: string;
  readonly requestId: NodeId;
  /** "Folder/Request", as the CLI names requests. */
  readonly request: string;
  readonly place: 'header' | 'param' | 'body' | 'url';
  readonly field: string;
  readonly reason: string;
  /** The vault name a move would use. */
  readonly suggestedSecret: string;
};

// Names that carry credentials; names that merely mention one (token_type, tokenUrl, apiKeyName) are excluded below.
const SECRET_NAME = /pass(word|wd|phrase)?$|^pwd$|secret|token|api[-_]?key|access[-_]?key|private[-_]?key|credential|subscription[-_]?key|control[-_]?key|auth[-_]?key/i;
const NOT_A_SECRET_NAME = /(type|url|uri|id|name|hint|expires?|expires[-_]?in|length|policy|format|kind)$/i;
// Placeholder text people leave in templates: not a credential.
const PLACEHOLDER = /^(x+|\*+|\.+|-+|changeme|change[-_ ]?me|password|secret|token|null|undefined|none|true|false|test|example|placeholder|todo|<[^>]*>|\[[^\]]*\]|your[-_ ].*|\$\{[^}]*\}|%[^%]*%)$/i;
const AUTH_HEADER = /^(proxy-)?authorization$/i;
const AUTH_VALUE = /^(Bearer|Basic|Digest|OAuth|Token|ApiKey|Key|Hawk|AWS4-HMAC-SHA256)\s+\S{8,}/i;
// Shapes that are credentials whatever the field is called.
const SHAPES: readonly [RegExp, string][] = [
  [/^eyJ[\w-]{5,}\.eyJ[\w-]{5,}\.[\w-]*$/, 'a JSON Web Token'],
  [/-----BEGIN [A-Z ]*PRIVATE KEY-----/, 'a PEM private key'],
  [/^(sk|rk)_(live|test)_[A-Za-z0-9]{10,}$/, 'a Stripe-style secret key'],
  [/^AKIA[0-9A-Z]{16}$/, 'an AWS access key id'],
  [/^gh[pousr]_[A-Za-z0-9]{30,}$/, 'a GitHub token'],
];

/** Why `value` in a field called `name` looks like a typed-in credential, or undefined. */
export function credentialReason(name: string, value: string, place: CredentialFinding['place']): string | undefined {
  const text = value.trim();
  if (text === '' || text.includes('{{')) return undefined;
  for (const [shape, what] of SHAPES) if (shape.test(text)) return `looks like ${what}`;
  if (place === 'url') return 'a password in the URL';
  if (place === 'header' && AUTH_HEADER.test(name)) {
    return AUTH_VALUE.test(text) || (!/\s/.test(text) && text.length >= 16) ? `${name} header with a typed-in credential` : undefined;
  }
  const bare = name.replace(/^.*[.[\]]/, '');
  if (!SECRET_NAME.test(bare) || NOT_A_SECRET_NAME.test(bare) || PLACEHOLDER.test(text)) return undefined;
  const isPassword = /pass|pwd/i.test(bare);
  if (text.length < (isPassword ? 4 : 8)) return undefined;
  return `"${name}" ${isPassword ? 'is a password' : 'holds a credential'} typed in`;
}

type Spot = { place: CredentialFinding['place']; field: string; reason: string; value: string };

// "key": "value" pairs anywhere in a JSON text (templates can make the text invalid JSON, so no parse).
const JSON_PAIR = /"((?:[^"\\]|\\.){1,200})"\s*:\s*"((?:[^"\\]|\\.)*)"/g;

function decodeJsonString(raw: string): string | undefined {
  try {
    return JSON.parse(`"${raw}"`) as string;
  } catch {
    return undefined;
  }
}

function pairSpots(pairs: readonly KeyValue[], place: Spot['place']): Spot[] {
  const spots: Spot[] = [];
  for (const pair of pairs) {
    const reason = credentialReason(pair.name, pair.value, place);
    if (reason !== undefined) spots.push({ place, field: pair.name, reason, value: pair.value });
  }
  return spots;
}

function bodySpots(body: RequestBody): Spot[] {
  switch (body.kind) {
    case 'none':
      return [];
    case 'form':
      return pairSpots(body.pairs, 'body');
    case 'json': {
      const spots: Spot[] = [];
      for (const match of body.text.matchAll(JSON_PAIR)) {
        const name = decodeJsonString(match[1] ?? '');
        const value = decodeJsonString(match[2] ?? '');
        if (name === undefined || value === undefined) continue;
        const reason = credentialReason(name, value, 'body');
        if (reason !== undefined) spots.push({ place: 'body', field: name, reason, value });
      }
      return spots;
    }
    case 'raw': {
      const reason = credentialReason('', body.text, 'body');
      return reason === undefined ? [] : [{ place: 'body', field: '(raw body)', reason, value: body.text.trim() }];
    }
    // Text parts are form fields like any other; a file part is a path, never a credential.
    case 'multipart':
      return pairSpots(body.parts.flatMap((part) => (part.kind === 'text' ? [part] : [])), 'body');
    case 'binary':
      return [];
  }
}

function urlSpots(url: string): Spot[] {
  const password = /^[a-z][a-z0-9+.-]*:\/\/[^/@:?#]*:([^/@?#]+)@/i.exec(url)?.[1];
  if (password === undefined) return [];
  const reason = credentialReason('url', password, 'url');
  return reason === undefined ? [] : [{ place: 'url', field: 'user info', reason, value: password }];
}

function spotsOf(request: RequestNode): Spot[] {
  return [...urlSpots(request.url), ...pairSpots(request.params, 'param'), ...pairSpots(request.headers, 'header'), ...bodySpots(request.body)];
}

function pathOf(doc: WorkspaceDocument, request: RequestNode): string {
  const names: string[] = [];
  let node: WorkspaceDocument['nodes'][string] | undefined = request;
  while (node !== undefined && node.kind !== 'collection') {
    names.unshift(node.name);
    node = doc.nodes[node.parentId];
  }
  return names.join('/');
}

type Located = { finding: CredentialFinding; value: string };

/** One vault name per distinct value, fresh against `taken`. */
function locate(doc: WorkspaceDocument, collectionId: NodeId, taken: Iterable<string>): Located[] {
  const collection = requireCollection(doc, collectionId);
  const used = new Set(taken);
  const byValue = new Map<string, string>();
  const prefix = slug(collection.name, 'collection');
  const out: Located[] = [];
  for (const id of subtreeIds(doc, collectionId)) {
    const node = doc.nodes[id];
    if (node?.kind !== 'request') continue;
    spotsOf(node).forEach((spot, index) => {
      let name = byValue.get(spot.value);
      if (name === undefined) {
        const stem = `${prefix}.${slug(spot.field, 'credential').slice(0, 60)}`;
        name = stem;
        for (let n = 2; used.has(name); n++) name = `${stem}_${String(n)}`;
        used.add(name);
        byValue.set(spot.value, name);
      }
      out.push({
        value: spot.value,
        finding: { id: `${id}:${spot.place}:${String(index)}`, requestId: id, request: pathOf(doc, node), place: spot.place, field: spot.field, reason: spot.reason, suggestedSecret: name },
      });
    });
  }
  return out;
}

/** Credentials typed literally into the collection's requests; `taken` are vault names already in use. */
export function findLiteralCredentials(doc: WorkspaceDocument, collectionId: NodeId, taken: Iterable<string> = []): CredentialFinding[] {
  return locate(doc, collectionId, taken).map((located) => located.finding);
}

export type CredentialMove = {
  readonly findings: readonly CredentialFinding[];
  /** Vault entries to create: value and name. */
  readonly secrets: readonly { readonly name: string; readonly value: string }[];
  /** Request patches: each found value replaced by `{{secret:name}}`. */
  readonly patches: readonly { readonly id: NodeId; readonly patch: Pick<RequestNode, 'url' | 'params' | 'headers' | 'body'> }[];
};

function replacePairs(pairs: readonly KeyValue[], value: string, template: string): KeyValue[] {
  return pairs.map((pair) => (pair.value === value ? { ...pair, value: template } : pair));
}

function replaceIn(request: Pick<RequestNode, 'url' | 'params' | 'headers' | 'body'>, value: string, template: string): Pick<RequestNode, 'url' | 'params' | 'headers' | 'body'> {
  const body: RequestBody = (() => {
    switch (request.body.kind) {
      case 'none':
        return request.body;
      case 'form':
        return { kind: 'form', pairs: replacePairs(request.body.pairs, value, template) };
      case 'json':
        return { kind: 'json', text: request.body.text.split(JSON.stringify(value)).join(JSON.stringify(template)) };
      case 'raw':
        return { ...request.body, text: request.body.text.split(value).join(template) };
      case 'multipart':
        return { kind: 'multipart', parts: request.body.parts.map((part) => (part.kind === 'text' && part.value === value ? { ...part, value: template } : part)) };
      case 'binary':
        return request.body;
    }
  })();
  const url = request.url.replace(/^([a-z][a-z0-9+.-]*:\/\/[^/@:?#]*:)([^/@?#]+)@/i, (all, head: string, password: string) => (password === value ? `${head}${template}@` : all));
  return { url, params: replacePairs(request.params, value, template), headers: replacePairs(request.headers, value, template), body };
}

/**
 * Plans moving the chosen findings (all when `ids` is absent) into the vault:
 * which secrets to create and how each request changes. Pure: the caller
 * stores the secrets first and patches the requests after, so a failure in
 * between loses nothing.
 */
export function planCredentialMove(doc: WorkspaceDocument, collectionId: NodeId, taken: Iterable<string>, ids?: readonly string[]): CredentialMove {
  const chosen = locate(doc, collectionId, taken).filter((located) => ids === undefined || ids.includes(located.finding.id));
  const secrets = new Map<string, string>();
  const patches = new Map<NodeId, Pick<RequestNode, 'url' | 'params' | 'headers' | 'body'>>();
  for (const { finding, value } of chosen) {
    secrets.set(finding.suggestedSecret, value);
    const node = doc.nodes[finding.requestId];
    if (node?.kind !== 'request') continue;
    const current = patches.get(node.id) ?? { url: node.url, params: node.params, headers: node.headers, body: node.body };
    patches.set(node.id, replaceIn(current, value, secretTemplate(finding.suggestedSecret)));
  }
  return {
    findings: chosen.map((located) => located.finding),
    secrets: [...secrets].map(([name, value]) => ({ name, value })),
    patches: [...patches].map(([id, patch]) => ({ id, patch })),
  };
}
