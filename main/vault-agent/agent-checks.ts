import { lstatSync, type Stats } from 'node:fs';

/** Why a socket or its folder may not be trusted, or null when it is this user's alone. */
export function ownershipProblem(path: string, kind: 'folder' | 'socket'): string | null {
  let stats: Stats;
  try {
    stats = lstatSync(path);
  } catch {
    return `${path} is missing`;
  }
  const isRightType = kind === 'folder' ? stats.isDirectory() : stats.isSocket();
  if (!isRightType) return `${path} is not a ${kind === 'folder' ? 'folder' : 'Unix socket'}`;
  const uid = process.getuid?.();
  if (uid !== undefined && stats.uid !== uid) return `${path} belongs to another user (uid ${String(stats.uid)})`;
  // Group or others with any access could reach the key: the agent is for this user alone.
  if ((stats.mode & 0o077) !== 0) return `${path} has mode ${(stats.mode & 0o777).toString(8)}, open to other users (expected ${kind === 'folder' ? '700' : '600'})`;
  return null;
}

/** The first problem with the agent's folder or socket, or null. */
export function agentSocketProblem(paths: { dir: string; socket: string }): string | null {
  return ownershipProblem(paths.dir, 'folder') ?? ownershipProblem(paths.socket, 'socket');
}
