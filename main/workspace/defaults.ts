import type { CollectionNode, Environment, FolderNode, NodeId, RequestNode } from '../contract/workspace.ts';
import type { IdSource } from './ids.ts';

/** Every new collection starts with these; Production asks before each send. */
export const DEFAULT_ENVIRONMENTS: readonly { name: string; protected: boolean }[] = [
  { name: 'Sandbox', protected: false },
  { name: 'UAT', protected: false },
  { name: 'Production', protected: true },
];

export function newEnvironment(ids: IdSource, name: string, isProtected: boolean): Environment {
  return { id: ids(), name, protected: isProtected, variables: [], secrets: [] };
}

export function newCollection(ids: IdSource, name: string): CollectionNode {
  return {
    kind: 'collection',
    id: ids(),
    name,
    auth: { mode: 'none' },
    children: [],
    environments: DEFAULT_ENVIRONMENTS.map((env) => newEnvironment(ids, env.name, env.protected)),
    flows: [],
  };
}

export function newFolder(ids: IdSource, parentId: NodeId, name: string): FolderNode {
  return { kind: 'folder', id: ids(), parentId, name, auth: { mode: 'inherit' }, children: [] };
}

export function newRequest(ids: IdSource, parentId: NodeId, name: string, method = 'GET', url = ''): RequestNode {
  return {
    kind: 'request',
    id: ids(),
    parentId,
    name,
    method: method.toUpperCase(),
    url,
    params: [],
    headers: [],
    body: { kind: 'none' },
    auth: { mode: 'inherit' },
  };
}
