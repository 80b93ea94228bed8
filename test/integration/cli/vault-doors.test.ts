import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT } from '../../../main/cli/exit-codes.ts';
import { SANDBOX_CREDENTIALS, readSandboxMerchantPrivateKey } from '../../../main/sandbox/credentials.ts';
import { testBackend } from '../../support/backend.ts';
import { makeTempDir } from '../../support/temp-dir.ts';
import { PASSPHRASE, cli, secretValues, spawnCli, useCliSession } from './cli-fixture.ts';

/** Browser mode's view of the same data directory: a second backend, unlocked through its own channel. */
async function withBrowserBackend<T>(dataDir: string, work: (backend: ReturnType<typeof testBackend>) => Promise<T>): Promise<T> {
  const backend = testBackend(dataDir);
  try {
    await backend.dispatcher.call('vault:unlock', { passphrase: PASSPHRASE });
    return await work(backend);
  } finally {
    await backend.close();
  }
}

describe('countersign vault shares its vault with browser mode', () => {
  const session = useCliSession(['uat-client-secret-from-stdin', 'typed-at-the-prompt-91', 'a-wrong-secret-set-in-browser', 'a brand new passphrase 42', 'not-a-pem-key-but-secret-77']);
  const run = session.run;

  it('a secret set from the CLI (stdin) is read by browser mode', async () => {
    const set = await run(['vault', 'set', 'paynet.client_secret', '--env', 'UAT'], { stdin: 'uat-client-secret-from-stdin\n' });
    expect(set.code).toBe(EXIT.ok);
    expect(set.stderr).toContain('Stored paynet.client_secret in UAT');
    const value = await withBrowserBackend(session.path(), (backend) => backend.vault.get('UAT', 'paynet.client_secret'));
    // The line break `echo` adds is not part of the value.
    expect(value).toBe('uat-client-secret-from-stdin');
  });

  it('a value typed at the hidden prompt is stored when nothing is piped', async () => {
    const result = await run(['vault', 'set', 'extra.token', '--env', 'UAT'], { prompt: () => Promise.resolve('typed-at-the-prompt-91') });
    expect(result.code).toBe(EXIT.ok);
    expect(await withBrowserBackend(session.path(), (backend) => backend.vault.get('UAT', 'extra.token'))).toBe('typed-at-the-prompt-91');
  });

  it('a secret changed in browser mode is what the CLI signs with', async () => {
    await withBrowserBackend(session.path(), (backend) =>
      backend.dispatcher.call('vault:rotate', { environment: 'Sandbox', name: 'paynet.client_secret', value: 'a-wrong-secret-set-in-browser' }),
    );
    // The token endpoint refuses it: a credential problem, not a network one.
    const refused = await run(['run', 'PayNet OSP/Request a report', '--env', 'Sandbox']);
    expect(refused.code).toBe(EXIT.config);
    expect(refused.stderr).toMatch(/token/i);
    // Sent as a form field on its own, the gateway answers 401.
    expect((await run(['run', 'PayNet OSP/Get access token', '--env', 'Sandbox'])).code).toBe(EXIT.httpStatus);
    // Put the right one back from the CLI: the sandbox accepts it again.
    const restored = await run(['vault', 'set', 'paynet.client_secret', '--env', 'Sandbox'], { stdin: SANDBOX_CREDENTIALS.paynet.clientSecret });
    expect(restored.stderr).toContain('Replaced');
    expect((await run(['run', 'PayNet OSP/Request a report', '--env', 'Sandbox'])).code).toBe(EXIT.ok);
  });

  it('a key that is not a key is refused as it enters the vault, and its text is not echoed', async () => {
    // #15: every rsa_private_key entering the vault passes the one key check, so it never reaches the signer.
    const set = await run(['vault', 'set', 'elecsnet.merchant_private_key', '--env', 'Sandbox'], { stdin: 'not-a-pem-key-but-secret-77' });
    expect(set.code).toBe(EXIT.usage);
    expect(set.stderr).toMatch(/key/i);
    expect(set.stderr + set.stdout).not.toContain('not-a-pem-key-but-secret-77');
    const restored = await run(['vault', 'set', 'elecsnet.merchant_private_key', '--env', 'Sandbox'], { stdin: readSandboxMerchantPrivateKey() });
    expect(restored.code).toBe(EXIT.ok);
    expect((await run(['run', 'Elecsnet/Sale (RSA-SHA256)', '--env', 'Sandbox'])).code).toBe(EXIT.ok);
  });

  it('vault list shows names and kinds, never values', async () => {
    const result = await run(['vault', 'list', '--env', 'Sandbox', '--json']);
    expect(result.code).toBe(EXIT.ok);
    const secrets = JSON.parse(result.stdout) as { name: string; kind: string }[];
    expect(secrets).toContainEqual(expect.objectContaining({ name: 'elecsnet.merchant_private_key', kind: 'rsa_private_key' }));
    expect(result.stdout).not.toContain('value');
  });

  it('never takes a value from the command line', async () => {
    const result = await run(['vault', 'set', 'x', 'the-value', '--env', 'UAT']);
    expect(result.code).toBe(EXIT.usage);
    expect(result.stderr).toContain('never from the command line');
    expect(result.stderr).not.toContain('the-value');
  });

  it('rm asks, or needs --yes without a terminal', async () => {
    expect((await run(['vault', 'rm', 'extra.token', '--env', 'UAT'])).code).toBe(EXIT.usage);
    const declined = await run(['vault', 'rm', 'extra.token', '--env', 'UAT'], { prompt: () => Promise.resolve('no') });
    expect(declined.stderr).toContain('Nothing removed');
    const removed = await run(['vault', 'rm', 'extra.token', '--env', 'UAT', '--yes']);
    expect(removed.code).toBe(EXIT.ok);
    const listed = await withBrowserBackend(session.path(), (backend) => Promise.resolve(backend.vault.list({ environment: 'UAT' }).secrets.map((secret) => secret.name)));
    expect(listed).toEqual(['paynet.client_secret']);
  });

  it('passwd changes the passphrase for every door', async () => {
    const next = 'a brand new passphrase 42';
    const changed = await run(['vault', 'passwd'], { env: { COUNTERSIGN_NEW_PASSPHRASE: next } });
    expect(changed.code).toBe(EXIT.ok);
    const backend = testBackend(session.path());
    try {
      await backend.dispatcher.call('vault:unlock', { passphrase: next });
      expect((await backend.vault.status()).state).toBe('unlocked');
    } finally {
      await backend.close();
    }
    expect((await run(['vault', 'list'])).code).toBe(EXIT.config);
    expect((await run(['vault', 'passwd'], { env: { COUNTERSIGN_PASSPHRASE: next, COUNTERSIGN_NEW_PASSPHRASE: PASSPHRASE } })).code).toBe(EXIT.ok);
  });

  it('says how to start when there is no vault yet', async () => {
    const empty = await makeTempDir();
    try {
      const result = await cli(empty.path, ['vault', 'list']);
      expect(result.code).toBe(EXIT.config);
      expect(result.stderr).toContain('countersign vault init');
    } finally {
      await empty.remove();
    }
  });
});

describe('the countersign process (as scripts run it)', () => {
  let dir: Awaited<ReturnType<typeof makeTempDir>>;
  beforeAll(async () => {
    dir = await makeTempDir();
  });
  afterAll(async () => {
    await dir.remove();
  });

  it('vault init, vault set from a pipe, run and trace: exit codes and no secret on either stream', async () => {
    const env = { COUNTERSIGN_PASSPHRASE: PASSPHRASE };
    const outputs: string[] = [];
    const exec = async (argv: string[], options: { env?: NodeJS.ProcessEnv; stdin?: string } = {}) => {
      const result = await spawnCli([...argv, '--data-dir', dir.path], { env: { ...env, ...options.env }, ...(options.stdin === undefined ? {} : { stdin: options.stdin }) });
      outputs.push(result.stdout, result.stderr);
      return result;
    };
    expect((await exec(['vault', 'init'])).code).toBe(EXIT.ok);
    expect((await exec(['vault', 'init'])).code).toBe(EXIT.config);

    const ok = await exec(['run', 'Elecsnet/Sale (HMAC-SHA1)', '--env', 'Sandbox', '--json']);
    expect(ok.code).toBe(EXIT.ok);
    expect(JSON.parse(ok.stdout)).toMatchObject({ status: 200 });
    expect((await exec(['trace', 'CENTAGATE/authQRCode (transaction)', '--env', 'Sandbox'])).code).toBe(EXIT.ok);

    // No passphrase and no terminal: fail at once with the configuration code.
    const locked = await exec(['run', 'Elecsnet/Sale (HMAC-SHA1)', '--env', 'Sandbox'], { env: { COUNTERSIGN_PASSPHRASE: '' } });
    expect(locked.code).toBe(EXIT.config);
    expect(locked.stderr).toContain('COUNTERSIGN_PASSPHRASE');

    expect((await exec(['run', 'Elecsnet/Sale (HMAC-SHA1)', '--env', 'Production'])).code).toBe(EXIT.protectedEnvironment);
    // The HMAC sale puts no secret on the wire, so it may go anywhere; the MoMo key is bound to the sandbox (#15).
    expect((await exec(['run', 'Elecsnet/Sale (HMAC-SHA1)', '--env', 'Sandbox', '--var', 'baseUrl=http://127.0.0.1:9'])).code).toBe(EXIT.network);
    const bound = await exec(['run', 'MTN MoMo/Get API user', '--env', 'Sandbox', '--var', 'baseUrl=http://127.0.0.1:9']);
    expect(bound.code).toBe(EXIT.config);
    expect(bound.stderr).toMatch(/"momo\.\w+" of environment "Sandbox" may not be sent to 127\.0\.0\.1:9/);
    expect((await exec(['run', 'MTN MoMo/Get API user', '--env', 'Sandbox', '--var', 'apiUser=nobody'])).code).toBe(EXIT.httpStatus);
    expect((await exec(['run', 'Elecsnet/Sale (HMAC-SHA1)', '--env', 'UAT', '--json'])).code).toBe(EXIT.config);
    expect((await exec(['run', 'Elecsnet/Nope', '--env', 'Sandbox'])).code).toBe(EXIT.usage);

    const set = await exec(['vault', 'set', 'elecsnet.control_key', '--env', 'UAT'], { stdin: 'uat-control-key-piped-in\n' });
    expect(set.code).toBe(EXIT.ok);
    const value = await withBrowserBackend(dir.path, (backend) => backend.vault.get('UAT', 'elecsnet.control_key'));
    expect(value).toBe('uat-control-key-piped-in');

    const all = outputs.join('\n');
    for (const secret of [...secretValues(), 'uat-control-key-piped-in']) expect(all).not.toContain(secret);
  }, 60_000);

  it('countersign --help is quick and loads no command', async () => {
    const started = Date.now();
    const result = await spawnCli(['--help']);
    expect(result.code).toBe(EXIT.ok);
    expect(result.stdout).toContain('run-collection');
    // Generous bound for a loaded CI machine; the point is that no backend is built.
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
