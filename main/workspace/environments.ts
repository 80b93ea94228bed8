import { ServiceError } from '../contract/errors.ts';
import type { Environment, EnvironmentVariable, NodeId, WorkspaceDocument } from '../contract/workspace.ts';
import { newEnvironment } from './defaults.ts';
import { requireCollection } from './document.ts';
import type { IdSource } from './ids.ts';

export type EnvironmentChange = {
  name?: string | undefined;
  variables?: EnvironmentVariable[] | undefined;
  secrets?: string[] | undefined;
  protected?: boolean | undefined;
};

function assertNameFree(environments: readonly Environment[], name: string, except?: NodeId): void {
  const taken = environments.some((env) => env.id !== except && env.name.toLowerCase() === name.toLowerCase());
  if (taken) throw new ServiceError('conflict', `This collection already has an environment named "${name}".`);
}

export function listEnvironments(doc: WorkspaceDocument, collectionId: NodeId): Environment[] {
  return requireCollection(doc, collectionId).environments;
}

export function createEnvironment(doc: WorkspaceDocument, ids: IdSource, collectionId: NodeId, name: string, isProtected: boolean): Environment {
  const collection = requireCollection(doc, collectionId);
  assertNameFree(collection.environments, name);
  const env = newEnvironment(ids, name, isProtected);
  collection.environments.push(env);
  return env;
}

export function requireEnvironment(doc: WorkspaceDocument, collectionId: NodeId, environmentId: NodeId): Environment {
  const env = requireCollection(doc, collectionId).environments.find((candidate) => candidate.id === environmentId);
  if (!env) throw new ServiceError('not_found', `The collection has no environment with the id "${environmentId}".`);
  return env;
}

export function updateEnvironment(doc: WorkspaceDocument, collectionId: NodeId, environmentId: NodeId, change: EnvironmentChange): Environment {
  const env = requireEnvironment(doc, collectionId, environmentId);
  if (change.name !== undefined) {
    assertNameFree(requireCollection(doc, collectionId).environments, change.name, env.id);
    env.name = change.name;
  }
  if (change.variables !== undefined) {
    const names = change.variables.map((variable) => variable.name);
    const duplicate = names.find((name, index) => names.indexOf(name) !== index);
    if (duplicate !== undefined) throw new ServiceError('invalid_input', `The variable "${duplicate}" is defined twice.`);
    env.variables = change.variables;
  }
  if (change.secrets !== undefined) env.secrets = [...new Set(change.secrets)];
  if (change.protected !== undefined) env.protected = change.protected;
  return env;
}

/** Removes an environment; a collection keeps at least one. */
export function deleteEnvironment(doc: WorkspaceDocument, collectionId: NodeId, environmentId: NodeId): void {
  const collection = requireCollection(doc, collectionId);
  requireEnvironment(doc, collectionId, environmentId);
  if (collection.environments.length <= 1) throw new ServiceError('conflict', 'A collection needs at least one environment.');
  collection.environments = collection.environments.filter((env) => env.id !== environmentId);
}

/** `{{name}}` values of an environment's enabled variables, for the signer and the URL preview. */
export function environmentVariables(env: Environment): Record<string, string> {
  // No prototype: a variable named __proto__ or constructor is just a variable.
  const out = Object.create(null) as Record<string, string>;
  for (const variable of env.variables) if (variable.enabled) out[variable.name] = variable.value;
  return out;
}
