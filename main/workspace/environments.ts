import { ServiceError } from '../contract/errors.ts';
import type { NetworkSettings } from '../contract/network.ts';
import type { SecretProviderSetting } from '../contract/secret-providers.ts';
import type { Environment, EnvironmentVariable, NodeId, WorkspaceDocument } from '../contract/workspace.ts';
import { newEnvironment } from './defaults.ts';
import { requireCollection } from './document.ts';
import type { IdSource } from './ids.ts';

export type EnvironmentChange = {
  name?: string | undefined;
  variables?: EnvironmentVariable[] | undefined;
  secrets?: string[] | undefined;
  protected?: boolean | undefined;
  /** Replaces the network settings as a whole; an empty object removes them. */
  network?: NetworkSettings | undefined;
  /** Replaces the providers after the vault; an empty list removes them. */
  secretProviders?: SecretProviderSetting[] | undefined;
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
  const willProtect = change.protected ?? env.protected;
  const willSkipTls = (change.network ?? env.network)?.verifyTls === false;
  if (willProtect && willSkipTls) {
    throw new ServiceError('forbidden', `TLS verification cannot be turned off for "${env.name}": it is a protected environment.`);
  }
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
  if (change.secretProviders !== undefined) {
    if (change.secretProviders.length === 0) delete env.secretProviders;
    else env.secretProviders = change.secretProviders;
  }
  if (change.network !== undefined) {
    const network = withoutDefaults(change.network);
    if (network === null) delete env.network;
    else env.network = network;
    // The vault names it reads are secrets this environment expects, like those its auth reads.
    env.secrets = [...new Set([...env.secrets, ...networkSecretNames(network ?? undefined)])];
  }
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

/** Drops unset fields and verifyTls: true (the default), so "nothing set" is stored as no settings at all. */
function withoutDefaults(network: NetworkSettings): NetworkSettings | null {
  const out: NetworkSettings = {};
  if (network.proxy !== undefined) out.proxy = network.proxy;
  if (network.noProxy !== undefined && network.noProxy.trim() !== '') out.noProxy = network.noProxy.trim();
  if (network.caSecret !== undefined) out.caSecret = network.caSecret;
  if (network.clientCertificate !== undefined) out.clientCertificate = network.clientCertificate;
  if (network.verifyTls === false) out.verifyTls = false;
  return Object.keys(out).length === 0 ? null : out;
}

/** Vault names an environment's network settings read, so the environment lists them among its expected secrets. */
export function networkSecretNames(network: NetworkSettings | undefined): string[] {
  if (network === undefined) return [];
  const cert = network.clientCertificate;
  const names = [
    network.proxy?.credentialsSecret,
    network.caSecret,
    cert?.format === 'pem' ? cert.certSecret : undefined,
    cert?.format === 'pem' ? cert.keySecret : undefined,
    cert?.format === 'pkcs12' ? cert.pkcs12Secret : undefined,
    cert?.passphraseSecret,
  ];
  return names.filter((name): name is string => name !== undefined);
}
