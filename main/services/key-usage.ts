import type { WorkspaceDocument, WorkspaceNode } from '../contract/workspace.ts';
import { secretNamesIn } from '../keys/key-references.ts';

/**
 * Which saved auth settings sign with a stored key: OAuth 1.0a steps whose
 * private key field names it (`{{secret:<key>}}`), in collections that have
 * an environment of the key's name. Answers "Collection / Folder / Request".
 */
export function keyUsers(doc: WorkspaceDocument, environment: string, keyName: string): string[] {
  const users: string[] = [];
  for (const node of Object.values(doc.nodes)) {
    if (!('auth' in node) || node.auth.mode !== 'chain') continue;
    const signsWithKey = node.auth.steps.some((step) => step.type === 'oauth1' && secretNamesIn(step.privateKey).includes(keyName));
    if (!signsWithKey) continue;
    const collection = collectionOf(doc, node);
    if (collection?.kind === 'collection' && !collection.environments.some((env) => env.name === environment)) continue;
    users.push(pathOf(doc, node));
  }
  return users.sort();
}

function collectionOf(doc: WorkspaceDocument, node: WorkspaceNode): WorkspaceNode | undefined {
  let current: WorkspaceNode | undefined = node;
  while (current && current.kind !== 'collection') current = doc.nodes[current.parentId];
  return current;
}

function pathOf(doc: WorkspaceDocument, node: WorkspaceNode): string {
  const names: string[] = [];
  let current: WorkspaceNode | undefined = node;
  while (current) {
    names.unshift(current.name);
    current = current.kind === 'collection' ? undefined : doc.nodes[current.parentId];
  }
  return names.join(' / ');
}
