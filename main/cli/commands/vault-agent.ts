import { resolveDataDir } from '../../platform/data-dir.ts';
import { PASSPHRASE_ENV } from '../../vault/passphrase-from-env.ts';
import { AgentRefusedError, askAgent } from '../../vault-agent/agent-client.ts';
import { AgentKeyError, dataKeyForAgent } from '../../vault-agent/agent-key.ts';
import { agentPaths } from '../../vault-agent/agent-paths.ts';
import { parseAgentDuration } from '../../vault-agent/duration.ts';
import { startAgentProcess } from '../../vault-agent/start-agent.ts';
import type { CliContext } from '../context.ts';
import { EXIT } from '../exit-codes.ts';
import { CliError, type CliIo } from '../io.ts';

export const DEFAULT_AGENT_FOR = '15m';

function clockTime(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(11, 19);
}

/** `vault unlock --for D`: one scrypt now, then an agent holds the data key for D so later commands skip it. */
export async function startUnlockAgent(io: CliIo, context: CliContext, dataDirOption: string | undefined, forText: string | undefined): Promise<number> {
  const forMs = parseAgentDuration(forText ?? DEFAULT_AGENT_FOR);
  if (forMs === null) throw new CliError('--for takes a duration from 1s to 12h, such as 90s, 15m or 2h.', EXIT.usage);
  const dataDir = resolveDataDir(dataDirOption, io.env);
  const paths = agentPaths(dataDir, io.env);
  const fromEnv = io.env[PASSPHRASE_ENV];
  const passphrase = fromEnv !== undefined && fromEnv !== '' ? fromEnv : await context.promptHidden?.('Vault passphrase: ');
  if (passphrase === undefined) throw new CliError(`Set ${PASSPHRASE_ENV} or run in a terminal to be asked for the passphrase.`, EXIT.config);
  let key: Awaited<ReturnType<typeof dataKeyForAgent>>;
  try {
    key = await dataKeyForAgent(dataDir, passphrase);
  } catch (error) {
    if (error instanceof AgentKeyError) throw new CliError(error.message, EXIT.config);
    throw error;
  }
  try {
    // One agent per data directory: a new deadline replaces the old agent.
    await askAgent(paths, { op: 'lock' }).catch(() => null);
    const expiresAt = Date.now() + forMs;
    const pid = await startAgentProcess({ dataDir, paths, dataKey: key.dataKey, expiresAt, wrapping: key.wrapping });
    io.err(`Unlock agent started (pid ${String(pid)}) until ${clockTime(expiresAt)} UTC: commands on this data directory skip the passphrase until then. "countersign vault lock" ends it.\n`);
    return EXIT.ok;
  } catch (error) {
    throw new CliError(error instanceof Error ? error.message : 'The unlock agent could not start.', EXIT.internal);
  } finally {
    key.dataKey.fill(0);
  }
}

/** `vault lock`: ends this data directory's agent, if one runs. */
export async function stopUnlockAgent(io: CliIo, dataDirOption: string | undefined): Promise<number> {
  const paths = agentPaths(resolveDataDir(dataDirOption, io.env), io.env);
  try {
    const reply = await askAgent(paths, { op: 'lock' });
    io.err(reply === null ? 'No unlock agent was running for this data directory.\n' : 'Unlock agent stopped: commands need the passphrase again.\n');
    return EXIT.ok;
  } catch (error) {
    if (error instanceof AgentRefusedError) throw new CliError(error.message, EXIT.config);
    throw error;
  }
}
