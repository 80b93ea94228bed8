import { randomUUID } from 'node:crypto';
import { chmod, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SANDBOX_CREDENTIALS, startSandbox, type RunningSandbox } from '../../../main/sandbox/index.ts';
import { makeTempDir } from '../../support/temp-dir.ts';

const { subscriptionKey } = SANDBOX_CREDENTIALS.momo;
const basic = (user: string, key: string) => `Basic ${Buffer.from(`${user}:${key}`).toString('base64')}`;

async function post(sandbox: RunningSandbox, path: string, headers: Record<string, string> = {}, body?: unknown): Promise<Response> {
  return fetch(`${sandbox.url}${path}`, {
    method: 'POST',
    headers: { 'ocp-apim-subscription-key': subscriptionKey, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}
const tokenStatus = async (sandbox: RunningSandbox, user: string, key: string) => (await post(sandbox, '/collection/token/', { authorization: basic(user, key) })).status;

describe('MoMo sandbox users file keeps no API key in clear', () => {
  let dir: Awaited<ReturnType<typeof makeTempDir>>;
  let usersFile: string;
  const running: RunningSandbox[] = [];
  const start = async () => {
    const sandbox = await startSandbox({ momo: { usersFile } });
    running.push(sandbox);
    return sandbox;
  };
  beforeEach(async () => {
    dir = await makeTempDir();
    usersFile = join(dir.path, 'sandbox', 'momo-api-users.json');
  });
  afterEach(async () => {
    for (const sandbox of running.splice(0)) await sandbox.close();
    await dir.remove();
  });

  it('a provisioned key is stored as a digest only, in a 0700 folder, and still works after a restart', async () => {
    const first = await start();
    const user = randomUUID();
    expect((await post(first, '/v1_0/apiuser', { 'x-reference-id': user }, { providerCallbackHost: '127.0.0.1' })).status).toBe(201);
    const { apiKey } = (await (await post(first, `/v1_0/apiuser/${user}/apikey`)).json()) as { apiKey: string };
    const text = await readFile(usersFile, 'utf8');
    expect(text).not.toContain(apiKey);
    expect(text).toMatch(/"apiKeyHash":"[0-9a-f]{64}"/);
    if (process.platform !== 'win32') expect((await stat(dirname(usersFile))).mode & 0o777).toBe(0o700);
    const second = await start();
    expect(await tokenStatus(second, user, apiKey)).toBe(200);
  });

  it('an old file holding keys in clear is rewritten with digests on start, and its users keep working', async () => {
    const user = randomUUID();
    const apiKey = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';
    await mkdir(dirname(usersFile), { recursive: true });
    await chmod(dirname(usersFile), 0o755);
    await writeFile(usersFile, JSON.stringify([[user, { providerCallbackHost: '127.0.0.1', apiKey }]]));
    const sandbox = await start();
    const text = await readFile(usersFile, 'utf8');
    expect(text).not.toContain(apiKey);
    expect(text).toContain(user);
    expect(await tokenStatus(sandbox, user, apiKey)).toBe(200);
    expect(await tokenStatus(sandbox, user, 'f'.repeat(32))).toBe(401);
    if (process.platform !== 'win32') expect((await stat(dirname(usersFile))).mode & 0o777).toBe(0o700);
  });
});
