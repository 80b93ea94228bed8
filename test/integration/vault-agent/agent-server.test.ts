import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { askAgent, dataKeyFromAgent } from '../../../main/vault-agent/agent-client.ts';
import { agentPaths } from '../../../main/vault-agent/agent-paths.ts';
import { startAgentServer, type RunningAgent } from '../../../main/vault-agent/agent-server.ts';
import { keyWrappingDigest } from '../../../main/vault-agent/key-wrapping.ts';
import { makeTempDir } from '../../support/temp-dir.ts';

// The agent's own rules, in-process with an injected clock (the process-level tests are in unlock-agent.test.ts).
describe('the unlock agent server', () => {
  let dir: Awaited<ReturnType<typeof makeTempDir>>;
  let agent: RunningAgent | null = null;
  const vault = { vaultId: 'v1', wrappers: [{ type: 'passphrase', salt: 'a' }] };
  beforeEach(async () => {
    dir = await makeTempDir();
    await writeFile(join(dir.path, 'vault.json'), JSON.stringify(vault));
  });
  afterEach(async () => {
    agent?.close('test over');
    agent = null;
    await dir.remove();
  });

  const start = async (now: { value: number }) => {
    const key = randomBytes(32);
    const paths = agentPaths(dir.path, {});
    agent = await startAgentServer({ dataDir: dir.path, paths, dataKey: Buffer.from(key), expiresAt: 10_000, wrapping: keyWrappingDigest(vault), clock: () => now.value });
    return { key, paths };
  };

  it('serves the key before the deadline and refuses after it by the wall clock, even if its timer has not fired', async () => {
    const now = { value: 0 };
    const { key, paths } = await start(now);
    expect((await dataKeyFromAgent(paths))?.equals(key)).toBe(true);
    now.value = 10_000;
    await expect(dataKeyFromAgent(paths)).rejects.toThrow('time is up');
    expect(await agent?.stopped).toBe('deadline');
    expect(await askAgent(paths, { op: 'status' })).toBeNull();
  });

  it('stops serving when secrets are kept but the passphrase wrapping changes', async () => {
    const { key, paths } = await start({ value: 0 });
    await writeFile(join(dir.path, 'vault.json'), JSON.stringify({ ...vault, secrets: [{ name: 'added' }] }));
    expect((await dataKeyFromAgent(paths))?.equals(key)).toBe(true);
    await writeFile(join(dir.path, 'vault.json'), JSON.stringify({ ...vault, wrappers: [{ type: 'passphrase', salt: 'b' }] }));
    await expect(dataKeyFromAgent(paths)).rejects.toThrow('passphrase or key changed');
    expect(await agent?.stopped).toBe('vault changed');
  });

  it('answers nothing but its own requests', async () => {
    const { paths } = await start({ value: 0 });
    const reply = await askAgent(paths, { op: 'nonsense' } as unknown as { op: 'status' });
    expect(reply).toEqual({ ok: false, reason: 'Not an unlock agent request.' });
  });
});
