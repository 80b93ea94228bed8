import type { VaultStatus } from '../contract/vault.ts';
import { AgentRefusedError, dataKeyFromAgent } from './agent-client.ts';
import { agentPaths } from './agent-paths.ts';

/**
 * Unlocks `vault` with the key of this data directory's unlock agent, if one
 * runs and may be used. False (with the reason told to `warn` when there is
 * one) means: unlock the usual way.
 */
export async function unlockWithAgent(
  vault: { unlock(input: { dataKey: Buffer }): Promise<VaultStatus> },
  dataDir: string,
  env: NodeJS.ProcessEnv,
  warn: (message: string) => void,
): Promise<boolean> {
  let dataKey: Buffer | null;
  try {
    dataKey = await dataKeyFromAgent(agentPaths(dataDir, env));
  } catch (error) {
    warn(error instanceof AgentRefusedError || error instanceof Error ? error.message : 'The unlock agent could not be used.');
    return false;
  }
  if (dataKey === null) return false;
  try {
    return (await vault.unlock({ dataKey })).state === 'unlocked';
  } catch (error) {
    warn(error instanceof Error ? error.message : 'The unlock agent\'s key was refused.');
    return false;
  } finally {
    dataKey.fill(0);
  }
}
