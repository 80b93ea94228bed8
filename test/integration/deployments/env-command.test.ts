/** `countersign env set|unset` and the --proxy/--ca/--insecure overrides, as a user types them. */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_CREDENTIALS, startSandbox, type RunningSandbox } from '../../../main/sandbox/index.ts';
import { makeTestPki, type TestPki } from '../../support/openssl-ca.ts';
import { makeTempDir } from '../../support/temp-dir.ts';
import { startTinyproxy, type RunningProxy } from '../../support/tinyproxy.ts';
import { useCliSession } from '../cli/cli-fixture.ts';

const session = useCliSession();
type Listed = { collection: string; environments: { name: string; variables: { name: string; value: string }[]; secrets: string[]; network: Record<string, unknown> }[] }[];

async function uat(collection: string) {
  const result = await session.run(['env', 'list', collection, '--json']);
  expect(result.code).toBe(0);
  const listed = JSON.parse(result.stdout) as Listed;
  const found = listed[0]?.environments.find((environment) => environment.name === 'UAT');
  if (!found) throw new Error('no UAT');
  return found;
}

describe('env set and unset', () => {
  it('sets variables and network settings by vault name, and lists them', async () => {
    const set = await session.run([
      'env', 'set', 'PayNet OSP', 'UAT', 'baseUrl=https://gw.example/osp/v2', 'clientId=merchant-7',
      '--proxy', 'http://proxy.corp:3128', '--proxy-credentials-secret', 'corp.proxy', '--no-proxy', 'localhost,.internal',
      '--ca-secret', 'corp.ca', '--client-cert-secret', 'paynet.cert', '--client-key-secret', 'paynet.key',
    ]);
    expect(set.code, set.stderr).toBe(0);
    const env = await uat('PayNet OSP');
    expect(env.variables).toContainEqual({ name: 'baseUrl', value: 'https://gw.example/osp/v2' });
    expect(env.variables).toContainEqual({ name: 'clientId', value: 'merchant-7' });
    expect(env.network).toEqual({
      proxy: { url: 'http://proxy.corp:3128', credentialsSecret: 'corp.proxy' },
      noProxy: 'localhost,.internal',
      caSecret: 'corp.ca',
      clientCertificate: { format: 'pem', certSecret: 'paynet.cert', keySecret: 'paynet.key' },
    });
    // The environment now expects those vault entries too.
    expect(env.secrets).toEqual(expect.arrayContaining(['corp.proxy', 'corp.ca', 'paynet.cert', 'paynet.key']));
    const text = await session.run(['env', 'list', 'PayNet OSP']);
    expect(text.stdout).toContain('proxy: http://proxy.corp:3128 (credentials: secret corp.proxy)');
  });

  it('switches to PKCS#12 and unsets what it is told to', async () => {
    expect((await session.run(['env', 'set', 'PayNet OSP', 'UAT', '--pkcs12-secret', 'paynet.p12', '--pkcs12-passphrase-secret', 'paynet.p12.pass'])).code).toBe(0);
    expect((await uat('PayNet OSP')).network.clientCertificate).toEqual({ format: 'pkcs12', pkcs12Secret: 'paynet.p12', passphraseSecret: 'paynet.p12.pass' });
    const unset = await session.run(['env', 'unset', 'PayNet OSP', 'UAT', 'clientId', '--proxy', '--client-cert']);
    expect(unset.code, unset.stderr).toBe(0);
    const env = await uat('PayNet OSP');
    expect(env.variables.map((variable) => variable.name)).not.toContain('clientId');
    expect(env.network).toEqual({ noProxy: 'localhost,.internal', caSecret: 'corp.ca' });
  });

  it('refuses credentials in a proxy URL, half a PEM pair, an unknown variable and TLS off for Production', async () => {
    const credentials = await session.run(['env', 'set', 'PayNet OSP', 'UAT', '--proxy', 'http://bob:hunter22@proxy.corp:3128']);
    expect(credentials.code).toBe(2);
    expect(credentials.stderr).toMatch(/vault/);
    expect(credentials.stdout + credentials.stderr).not.toContain('hunter22');
    const half = await session.run(['env', 'set', 'Elecsnet', 'UAT', '--client-cert-secret', 'only.cert']);
    expect(half.code).toBe(2);
    expect(half.stderr).toMatch(/--client-key-secret/);
    const unknown = await session.run(['env', 'unset', 'Elecsnet', 'UAT', 'noSuchVariable']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('noSuchVariable');
    const production = await session.run(['env', 'set', 'Elecsnet', 'Production', '--insecure']);
    expect(production.code).not.toBe(0);
    expect(production.stderr).toMatch(/protected/);
    expect((await session.run(['env', 'set', 'Elecsnet', 'UAT', 'bare'])).code).toBe(2);
  });

  it('an export carries the settings by vault name only', async () => {
    const file = `${session.path()}/paynet.countersign.json`;
    expect((await session.run(['export', 'PayNet OSP', file])).code).toBe(0);
    const exported = JSON.parse(await readFile(file, 'utf8')) as { collection: { environments: { name: string; network?: unknown }[] } };
    expect(exported.collection.environments.find((environment) => environment.name === 'UAT')?.network).toEqual({ noProxy: 'localhost,.internal', caSecret: 'corp.ca' });
  });
});

describe('run overrides: --ca, --insecure, --proxy', () => {
  let dir: Awaited<ReturnType<typeof makeTempDir>>;
  let pki: TestPki;
  let sandbox: RunningSandbox;
  let proxy: RunningProxy;
  const request = 'CENTAGATE/authQRCode (transaction)';

  beforeAll(async () => {
    dir = await makeTempDir();
    pki = await makeTestPki(dir.path, 'Override');
    sandbox = await startSandbox({ tls: { cert: pki.serverCert, key: pki.serverKey } });
    proxy = await startTinyproxy(dir.path, [sandbox.port]);
    const env = await session.run(['env', 'list', 'CENTAGATE', '--json']);
    const sandboxVariables = (JSON.parse(env.stdout) as Listed)[0]?.environments.find((environment) => environment.name === 'Sandbox')?.variables ?? [];
    const assignments = sandboxVariables.map((variable) => `${variable.name}=${variable.value.replace(/^http:\/\/127\.0\.0\.1:\d+/, sandbox.url)}`);
    expect((await session.run(['env', 'set', 'CENTAGATE', 'UAT', ...assignments])).code).toBe(0);
    const secret = await session.run(['vault', 'set', 'centagate.secret_key', '--env', 'UAT'], { stdin: SANDBOX_CREDENTIALS.centagate.secretKey });
    expect(secret.code, secret.stderr).toBe(0);
  }, 60_000);

  afterAll(async () => {
    await proxy?.stop();
    await sandbox?.close();
    await dir?.remove();
  });

  it('without a CA the private certificate is refused (exit 4)', async () => {
    const result = await session.run(['run', request, '--env', 'UAT']);
    expect(result.code).toBe(4);
    expect(result.stderr).toMatch(/unknown authority/);
  });

  it('--ca FILE trusts it for this run', async () => {
    const result = await session.run(['run', request, '--env', 'UAT', '--ca', pki.files.caCert]);
    expect(result.code, result.stderr).toBe(0);
  });

  it('--insecure goes through and says so', async () => {
    const result = await session.run(['run', request, '--env', 'UAT', '--insecure']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/NOT verified/);
  });

  it('--proxy sends through the proxy, and --json names the proxy and CA used', async () => {
    const result = await session.run(['run', request, '--env', 'UAT', '--ca', pki.files.caCert, '--proxy', proxy.url, '--json']);
    expect(result.code, result.stderr).toBe(0);
    expect(await proxy.log()).toContain(`CONNECT 127.0.0.1:${sandbox.port}`);
    expect((JSON.parse(result.stdout) as { network: unknown }).network).toMatchObject({ proxy: proxy.url, caFile: pki.files.caCert, verifyTls: true });
  });

  it('a --ca file that is not a certificate is a usage error', async () => {
    const result = await session.run(['run', request, '--env', 'UAT', '--ca', `${dir.path}/ca.key`]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/no PEM certificate/);
  });
});
