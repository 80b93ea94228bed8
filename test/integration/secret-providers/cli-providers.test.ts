/**
 * `countersign run` against the sandbox where the secret is in no vault: a
 * day-one vault (nothing in UAT) with the secret in a CI variable, the same
 * with no vault at all, and a real `pass` store. Which provider served it is
 * printed by name; the value is printed nowhere.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HISTORY_FILE_NAME } from '../../../main/history/history-file.ts';
import { EXIT } from '../../../main/cli/exit-codes.ts';
import { SANDBOX_CREDENTIALS, startSandbox, type RunningSandbox } from '../../../main/sandbox/index.ts';
import { makeTempDir } from '../../support/temp-dir.ts';
import { cli, preparedDataDir, secretValues } from '../cli/cli-fixture.ts';
import { makePassStore, type PassStore } from './pass-store.ts';

const REQUEST = 'PayNet OSP/Request a report';
const VARIABLE = 'COUNTERSIGN_SECRET_UAT_PAYNET_CLIENT_SECRET';
const CLIENT_SECRET = SANDBOX_CREDENTIALS.paynet.clientSecret;

type Listed = { collection: string; environments: { name: string; variables: { name: string; value: string }[] }[] }[];
type RunJson = { ok: boolean; status: number; secretSources?: { name: string; provider: string; location: string | null }[] };

let sandbox: RunningSandbox;
let store: PassStore;
let tmp: Awaited<ReturnType<typeof makeTempDir>>;
const printed: string[] = [];

async function run(dataDir: string, argv: string[], env: Record<string, string> = {}) {
  const result = await cli(dataDir, argv, { env });
  printed.push(result.stdout, result.stderr);
  return result;
}

/** Points "PayNet OSP"'s UAT at the sandbox, as a user does with env set. */
async function pointUatAtSandbox(dataDir: string): Promise<void> {
  const listed = JSON.parse((await run(dataDir, ['env', 'list', 'PayNet OSP', '--json'])).stdout) as Listed;
  const variables = listed[0]?.environments.find((environment) => environment.name === 'Sandbox')?.variables ?? [];
  const assignments = variables.map((variable) => `${variable.name}=${variable.value.replace(/^https?:\/\/127\.0\.0\.1:\d+/, sandbox.url)}`);
  const set = await run(dataDir, ['env', 'set', 'PayNet OSP', 'UAT', ...assignments]);
  expect(set.code, set.stderr).toBe(EXIT.ok);
}

beforeAll(async () => {
  tmp = await makeTempDir();
  [sandbox, store] = await Promise.all([startSandbox({}), makePassStore()]);
  await store.insert('countersign/uat/paynet.client_secret', `${CLIENT_SECRET}\n`);
  await store.insert('team/paynet/paynet.client_secret', `${CLIENT_SECRET}\ncomment: shared by the team\n`);
}, 120_000);

afterAll(async () => {
  const all = printed.join('\n');
  for (const secret of secretValues()) expect(all).not.toContain(secret);
  await sandbox.close();
  await store.remove();
  await tmp.remove();
});

describe('secrets from environment variables (CI)', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = `${tmp.path}/day-one`;
    // A vault with the sandbox's samples only: UAT has nothing in it.
    await preparedDataDir(dataDir);
    await pointUatAtSandbox(dataDir);
    const set = await run(dataDir, ['env', 'set', 'PayNet OSP', 'UAT', '--secret-provider', 'env']);
    expect(set.stdout).toContain('secret providers: vault, then env (COUNTERSIGN_SECRET_UAT_<NAME>)');
  }, 60_000);

  it('signs with the variable and names it as the source in run --json', async () => {
    const result = await run(dataDir, ['run', REQUEST, '--env', 'UAT', '--json'], { [VARIABLE]: CLIENT_SECRET });
    expect(result.code, result.stderr).toBe(EXIT.ok);
    const parsed = JSON.parse(result.stdout) as RunJson;
    expect(parsed.ok).toBe(true);
    expect(parsed.status).toBeGreaterThanOrEqual(200);
    expect(parsed.status).toBeLessThan(300);
    expect(parsed.secretSources).toEqual([{ name: 'paynet.client_secret', provider: 'env', location: VARIABLE }]);
  });

  it('records the send in history without the value', async () => {
    const history = await readFile(join(dataDir, HISTORY_FILE_NAME), 'utf8');
    expect(history).toContain('Request a report');
    expect(history).not.toContain(CLIENT_SECRET);
  });

  it('binds the variable to the environment\'s own hosts: a token URL elsewhere is refused before anything is sent', async () => {
    const elsewhere = sandbox.url.replace('127.0.0.1', 'localhost');
    const result = await run(dataDir, ['run', REQUEST, '--env', 'UAT', '--var', `tokenUrl=${elsewhere}/osp/token`], { [VARIABLE]: CLIENT_SECRET });
    expect(result.code).toBe(EXIT.config);
    expect(result.stderr).toMatch(/The secret "paynet.client_secret" of environment "UAT" may not be sent to localhost:\d+/);
    // The vault's "allow this host" needs a vault entry: the message says where the secret came from and what works instead.
    expect(result.stderr).toContain(`"paynet.client_secret" came from env (${VARIABLE})`);
    expect(result.stderr).not.toContain('vault allow');
  });

  it('without the variable, fails as configuration and says every place it looked', async () => {
    const result = await run(dataDir, ['run', REQUEST, '--env', 'UAT']);
    expect(result.code).toBe(EXIT.config);
    expect(result.stderr).toContain('no secret "paynet.client_secret" in environment "UAT"');
    expect(result.stderr).toContain(`${VARIABLE} is not set`);
  });

  it('a wrong value in the variable reaches the gateway and is refused there (the variable really is what signs)', async () => {
    const result = await run(dataDir, ['run', REQUEST, '--env', 'UAT', '--json'], { [VARIABLE]: 'not-the-client-secret-0000' });
    expect(result.code).not.toBe(EXIT.ok);
    expect(result.stdout).not.toContain('not-the-client-secret-0000');
  });

  it('works with no vault at all, and asks for no passphrase', async () => {
    const bare = `${tmp.path}/no-vault`;
    await pointUatAtSandbox(bare);
    await run(bare, ['env', 'set', 'PayNet OSP', 'UAT', '--secret-provider', 'env']);
    const result = await run(bare, ['run', REQUEST, '--env', 'UAT', '--json'], { [VARIABLE]: CLIENT_SECRET, COUNTERSIGN_PASSPHRASE: '' });
    expect(result.code, result.stderr).toBe(EXIT.ok);
    expect((JSON.parse(result.stdout) as RunJson).secretSources?.[0]?.provider).toBe('env');
  });
});

describe('secrets from pass', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = `${tmp.path}/pass`;
    await preparedDataDir(dataDir);
    await pointUatAtSandbox(dataDir);
  }, 60_000);

  it('reads the default entry countersign/uat/<name> and names it in run --json', async () => {
    await run(dataDir, ['env', 'set', 'PayNet OSP', 'UAT', '--secret-provider', 'pass']);
    const result = await run(dataDir, ['run', REQUEST, '--env', 'UAT', '--json'], store.env);
    expect(result.code, result.stderr).toBe(EXIT.ok);
    expect((JSON.parse(result.stdout) as RunJson).secretSources).toEqual([
      { name: 'paynet.client_secret', provider: 'pass', location: 'countersign/uat/paynet.client_secret' },
    ]);
  });

  it('reads under a configured prefix, and trace names the entry', async () => {
    await run(dataDir, ['env', 'set', 'PayNet OSP', 'UAT', '--secret-provider', 'pass:team/paynet']);
    const result = await run(dataDir, ['trace', REQUEST, '--env', 'UAT'], store.env);
    expect(result.code, result.stderr).toBe(EXIT.ok);
    expect(result.stdout).toContain('Secrets: paynet.client_secret from pass (team/paynet/paynet.client_secret)');
  });

  it('a pass failure is reported as configuration with its own words', async () => {
    const empty = await makeTempDir();
    const result = await run(dataDir, ['run', REQUEST, '--env', 'UAT'], { ...store.env, PATH: empty.path }).finally(() => empty.remove());
    expect(result.code).toBe(EXIT.config);
    expect(result.stderr).toContain('pass is not installed');
  });

  it('env unset --secret-providers goes back to the vault alone', async () => {
    const unset = await run(dataDir, ['env', 'unset', 'PayNet OSP', 'UAT', '--secret-providers', '--json']);
    expect((JSON.parse(unset.stdout) as { secretProviders: unknown[] }).secretProviders).toEqual([]);
    const result = await run(dataDir, ['run', REQUEST, '--env', 'UAT'], store.env);
    expect(result.code).toBe(EXIT.config);
    expect(result.stderr).toContain('The vault has no secret "paynet.client_secret" in environment "UAT"');
  });
});
