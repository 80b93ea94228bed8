import { ServiceError } from '../contract/errors.ts';
import type { CredentialFinding, NodeId } from '../contract/workspace.ts';
import type { VaultService } from '../vault/index.ts';
import type { WorkspaceService } from '../workspace/workspace-service.ts';

type Vault = Pick<VaultService, 'status' | 'list' | 'add'>;

function vaultNames(vault: Vault): Set<string> {
  return new Set(vault.list({}).secrets.map((secret) => secret.name));
}

/** The export answer: the file and the credentials typed into its requests. */
export function exportWithFindings(workspace: WorkspaceService, vault: Vault, collectionId: NodeId): { fileName: string; text: string; credentialFindings: CredentialFinding[] } {
  const file = workspace.exportCollection(collectionId);
  // A locked vault lists nothing: suggested names may then clash, and the move re-checks them.
  let taken = new Set<string>();
  try {
    taken = vaultNames(vault);
  } catch {
    // locked: suggestions only
  }
  return { ...file, credentialFindings: workspace.credentialFindings(collectionId, taken) };
}

/**
 * Moves typed-in credentials into the vault of every environment of the
 * collection (a literal worked in all of them, so the reference must too),
 * then replaces each value with `{{secret:name}}` and declares the name on
 * each environment. The vault is written first: if that fails, no request
 * has changed, so nothing is lost.
 */
export async function moveCredentialsToVault(
  workspace: WorkspaceService,
  vault: Vault,
  collectionId: NodeId,
  findingIds?: readonly string[],
): Promise<{ moved: CredentialFinding[]; secretsStored: { name: string; environments: string[] }[]; warnings: string[] }> {
  if ((await vault.status()).state !== 'unlocked') throw new ServiceError('locked', 'Unlock the vault first: the credentials go straight into it.');
  const plan = workspace.planCredentialMove(collectionId, vaultNames(vault), findingIds);
  const warnings: string[] = [];
  if (findingIds !== undefined) {
    const known = new Set(plan.findings.map((finding) => finding.id));
    const missing = findingIds.filter((id) => !known.has(id));
    if (missing.length > 0) warnings.push(`${String(missing.length)} finding(s) no longer match the collection (edited since?) and were skipped.`);
  }
  const environments = workspace.environments(collectionId);
  if (plan.secrets.length > 0 && environments.length === 0) {
    throw new ServiceError('failed', 'The collection has no environment to hold the secrets: create one first.');
  }
  for (const secret of plan.secrets) {
    for (const env of environments) await vault.add({ environment: env.name, name: secret.name, kind: 'text', value: secret.value });
  }
  for (const { id, patch } of plan.patches) workspace.updateRequest(id, patch);
  const names = plan.secrets.map((secret) => secret.name);
  for (const env of environments) {
    const secrets = [...env.secrets, ...names.filter((name) => !env.secrets.includes(name))];
    if (secrets.length !== env.secrets.length) workspace.updateEnvironment(collectionId, env.id, { secrets });
  }
  return {
    moved: [...plan.findings],
    secretsStored: names.map((name) => ({ name, environments: environments.map((env) => env.name) })),
    warnings,
  };
}
