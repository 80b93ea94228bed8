import { chmodSync, existsSync, lstatSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { EXIT } from '../../../main/cli/exit-codes.ts';
import { agentPaths } from '../../../main/vault-agent/agent-paths.ts';
import { makeTempDir } from '../../support/temp-dir.ts';
import { PASSPHRASE, cli, preparedDataDir, spawnCli } from '../cli/cli-fixture.ts';

// A scripted command: no COUNTERSIGN_PASSPHRASE and no terminal to ask on.
const NO_PASSPHRASE = { COUNTERSIGN_PASSPHRASE: '' };
const SIGNED = ['trace', 'Elecsnet/Sale (HMAC-SHA1)', '--env', 'Sandbox'];

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function until(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return condition();
}

describe('vault unlock --for: an agent process holds the data key for scripted runs', () => {
  let dir: Awaited<ReturnType<typeof makeTempDir>>;
  let runtime: Awaited<ReturnType<typeof makeTempDir>>;
  const started: number[] = [];

  const startAgent = async (forText: string, env: NodeJS.ProcessEnv = {}) => {
    const result = await cli(dir.path, ['vault', 'unlock', '--for', forText], { env });
    expect(result.stderr).toMatch(/pid \d+/);
    expect(result.code).toBe(EXIT.ok);
    const pid = Number(/pid (\d+)/.exec(result.stderr)?.[1]);
    started.push(pid);
    return pid;
  };

  beforeAll(async () => {
    dir = await makeTempDir();
    runtime = await makeTempDir();
    await preparedDataDir(dir.path);
  });
  afterEach(() => {
    // Whatever a test left running (a refused socket cannot be asked to lock).
    for (const pid of started.splice(0)) if (alive(pid)) process.kill(pid);
  });
  afterAll(async () => {
    await dir.remove();
    await runtime.remove();
  });

  it('serves a run with no passphrase, across processes, until "vault lock" ends it', async () => {
    const refused = await cli(dir.path, SIGNED, { env: NO_PASSPHRASE });
    expect(refused.code).toBe(EXIT.config);

    const pid = await startAgent('10m');
    const paths = agentPaths(dir.path, {});
    expect(lstatSync(paths.dir).mode & 0o777).toBe(0o700);
    expect(lstatSync(paths.socket).mode & 0o777).toBe(0o600);

    const signed = await cli(dir.path, SIGNED, { env: NO_PASSPHRASE });
    expect(signed.stderr).toBe('');
    expect(signed.code).toBe(EXIT.ok);
    expect(signed.stdout).toContain('signature');
    // A separate process, as a script would run it.
    const listed = await spawnCli(['vault', 'list', '--env', 'Sandbox', '--data-dir', dir.path], { env: { COUNTERSIGN_FROM_SOURCES: '1' } });
    expect(listed.stderr).toBe('');
    expect(listed.code).toBe(EXIT.ok);
    expect(listed.stdout).toContain('elecsnet.control_key');

    const locked = await cli(dir.path, ['vault', 'lock']);
    expect(locked.code).toBe(EXIT.ok);
    expect(await until(() => !alive(pid), 5000)).toBe(true);
    expect(existsSync(paths.socket)).toBe(false);
    const after = await cli(dir.path, SIGNED, { env: NO_PASSPHRASE });
    expect(after.code).toBe(EXIT.config);
    expect((await cli(dir.path, ['vault', 'lock'])).stderr).toContain('No unlock agent');
  }, 60_000);

  it('exits at its deadline and removes its socket', async () => {
    const pid = await startAgent('2s', { XDG_RUNTIME_DIR: runtime.path });
    const paths = agentPaths(dir.path, { XDG_RUNTIME_DIR: runtime.path });
    expect(paths.dir.startsWith(runtime.path)).toBe(true);
    expect(existsSync(paths.socket)).toBe(true);
    expect(await until(() => !alive(pid), 10_000)).toBe(true);
    expect(existsSync(paths.socket)).toBe(false);
    const after = await cli(dir.path, SIGNED, { env: { ...NO_PASSPHRASE, XDG_RUNTIME_DIR: runtime.path } });
    expect(after.code).toBe(EXIT.config);
  }, 60_000);

  it('is not used when its socket or folder is open to other users', async () => {
    await startAgent('10m');
    const paths = agentPaths(dir.path, {});
    chmodSync(paths.socket, 0o666);
    const viaOpenSocket = await cli(dir.path, SIGNED, { env: NO_PASSPHRASE });
    expect(viaOpenSocket.code).toBe(EXIT.config);
    expect(viaOpenSocket.stderr).toContain('mode 666');
    chmodSync(paths.socket, 0o600);
    chmodSync(paths.dir, 0o755);
    const viaOpenFolder = await cli(dir.path, SIGNED, { env: NO_PASSPHRASE });
    expect(viaOpenFolder.code).toBe(EXIT.config);
    expect(viaOpenFolder.stderr).toContain('mode 755');
    chmodSync(paths.dir, 0o700);
  }, 60_000);

  it('stops serving once the vault\'s passphrase changed in another process', async () => {
    const pid = await startAgent('10m');
    const changed = await cli(dir.path, ['vault', 'passwd'], { env: { COUNTERSIGN_NEW_PASSPHRASE: `${PASSPHRASE} 2` } });
    expect(changed.code).toBe(EXIT.ok);
    const after = await cli(dir.path, SIGNED, { env: NO_PASSPHRASE });
    expect(after.code).toBe(EXIT.config);
    expect(after.stderr).toContain('passphrase or key changed');
    expect(await until(() => !alive(pid), 5000)).toBe(true);
    // Put the passphrase back for the other tests' fixture.
    const back = await cli(dir.path, ['vault', 'passwd'], { env: { COUNTERSIGN_PASSPHRASE: `${PASSPHRASE} 2`, COUNTERSIGN_NEW_PASSPHRASE: PASSPHRASE } });
    expect(back.code).toBe(EXIT.ok);
  }, 60_000);

  it('refuses a wrong passphrase or an unreadable duration without starting anything', async () => {
    const wrong = await cli(dir.path, ['vault', 'unlock', '--for', '1m'], { env: { COUNTERSIGN_PASSPHRASE: 'not the passphrase' } });
    expect(wrong.code).toBe(EXIT.config);
    expect(wrong.stderr).toContain('passphrase is wrong');
    const badDuration = await cli(dir.path, ['vault', 'unlock', '--for', '3 weeks']);
    expect(badDuration.code).toBe(EXIT.usage);
    expect(existsSync(agentPaths(dir.path, {}).socket)).toBe(false);
  }, 60_000);
});
