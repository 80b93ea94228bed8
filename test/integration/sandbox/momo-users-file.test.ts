import { randomUUID } from 'node:crypto';
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SANDBOX_CREDENTIALS, startSandbox, type RunningSandbox } from '../../../main/sandbox/index.ts';
import { makeTempDir } from '../../support/temp-dir.ts';

const { subscriptionKey, apiUser, apiKey } = SANDBOX_CREDENTIALS.momo;
const basic = (user: string, key: string) => `Basic ${Buffer.from(`${user}:${key}`).toString('base64')}`;

async function post(sandbox: RunningSandbox, path: string, headers: Record<string, string> = {}, body?: unknown): Promise<Response> {
  return fetch(`${sandbox.url}${path}`, {
    method: 'POST',
    headers: { 'ocp-apim-subscription-key': subscriptionKey, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

const tokenStatus = async (sandbox: RunningSandbox, user: string, key: string) => (await post(sandbox, '/collection/token/', { authorization: basic(user, key) })).status;

describe('MoMo API users across sandbox restarts', () => {
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

  it('a provisioned user and its key still work in a new sandbox; the file is private', async () => {
    const first = await start();
    const user = randomUUID();
    expect((await post(first, '/v1_0/apiuser', { 'x-reference-id': user }, { providerCallbackHost: '127.0.0.1' })).status).toBe(201);
    const { apiKey: key } = (await (await post(first, `/v1_0/apiuser/${user}/apikey`)).json()) as { apiKey: string };
    expect(await tokenStatus(first, user, key)).toBe(200);

    const second = await start();
    expect(await tokenStatus(second, user, key)).toBe(200);
    expect(await tokenStatus(second, user, 'f'.repeat(32))).toBe(401);
    expect((await stat(usersFile)).mode & 0o777).toBe(0o600);
    // The published user is not written: its key comes from the credentials, whatever the file says.
    expect(await readFile(usersFile, 'utf8')).not.toContain(apiUser);
  });

  it('a new key for the published user is issued, and the documented key keeps working', async () => {
    const sandbox = await start();
    const response = await post(sandbox, `/v1_0/apiuser/${apiUser}/apikey`);
    expect(response.status).toBe(201);
    const { apiKey: fresh } = (await response.json()) as { apiKey: string };
    expect(await tokenStatus(sandbox, apiUser, fresh)).toBe(200);
    expect(await tokenStatus(sandbox, apiUser, apiKey)).toBe(200);
  });

  it('a damaged users file is ignored (and logged): the sandbox still starts with the published user', async () => {
    await mkdir(dirname(usersFile), { recursive: true });
    await writeFile(usersFile, '{not json');
    const sandbox = await start();
    expect(await tokenStatus(sandbox, apiUser, apiKey)).toBe(200);
  });
});
