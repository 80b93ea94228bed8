import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { lock } from 'proper-lockfile';

/** How long a lock may go without its holder touching it before another process may take it over. */
export const STALE_LOCK_MS = 10_000;


export class VaultBusyError extends Error {
  constructor(path: string, cause: unknown) {
    super(`The vault is being written by another Countersign process (lock ${path}); try again in a moment.`, { cause });
    this.name = 'VaultBusyError';
  }
}

/**
 * Runs `work` while holding the vault's cross-process lock. proper-lockfile
 * takes it with an atomic mkdir and keeps refreshing its mtime, so a lock left
 * by a killed process is taken over once it is `STALE_LOCK_MS` old; a lock
 * whose owner (recorded beside it, `<lock>.owner`) is a dead process on this
 * machine is taken over at once, so a crashed CLI does not stall the next
 * one for seconds.
 */
export async function withVaultLock<T>(dataDir: string, lockPath: string, work: () => Promise<T>): Promise<T> {
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  await removeIfOwnerDied(lockPath);
  let release: () => Promise<void>;
  try {
    release = await lock(dataDir, {
      lockfilePath: lockPath,
      realpath: false,
      stale: STALE_LOCK_MS,
      // The default throws from a timer and would kill the process; each write stays atomic either way.
      onCompromised: () => undefined,
      // Writers hold the lock for milliseconds; wait up to ~40 s for a busy one (or a stale one to age out).
      retries: { retries: 400, factor: 1.2, minTimeout: 5, maxTimeout: 100, randomize: true },
    });
  } catch (error) {
    throw new VaultBusyError(lockPath, error);
  }
  const ownerPath = `${lockPath}.owner`;
  try {
    await writeFile(ownerPath, JSON.stringify({ pid: process.pid, host: hostname() }), { mode: 0o600 });
    return await work();
  } finally {
    await rm(ownerPath, { force: true }).catch(() => undefined);
    await release().catch(() => undefined);
  }
}

async function removeIfOwnerDied(lockPath: string): Promise<void> {
  let owner: unknown;
  try {
    owner = JSON.parse(await readFile(`${lockPath}.owner`, 'utf8'));
  } catch {
    return; // no lock, or its owner not written yet: proper-lockfile's age check decides
  }
  if (typeof owner !== 'object' || owner === null) return;
  const { pid, host } = owner as { pid?: unknown; host?: unknown };
  if (typeof pid !== 'number' || host !== hostname() || pid === process.pid || isAlive(pid)) return;
  // Only an owner that died holding the lock leaves this file behind (it is removed before each release).
  await rm(lockPath, { recursive: true, force: true });
  await rm(`${lockPath}.owner`, { force: true });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
