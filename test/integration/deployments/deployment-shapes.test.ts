/**
 * Every sample request and every built-in flow, in the shapes real
 * deployments take: gateways under path prefixes, HTTPS with a private CA
 * trusted only through the environment's CA setting, a real proxy
 * (tinyproxy) in the way, and a day-one vault. Each shape is configured as a
 * user would (vault set, env set) and driven through the CLI.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../../main/sandbox/index.ts';
import { makeTestPki } from '../../support/openssl-ca.ts';
import { makeTempDir } from '../../support/temp-dir.ts';
import { startTinyproxy, type RunningProxy } from '../../support/tinyproxy.ts';
import { cli as runCli, preparedDataDir, secretValues } from '../cli/cli-fixture.ts';
import { ENV, PREFIXES, configureShape, type Shape } from './shape-setup.ts';

const SHAPES: Shape[] = [
  { name: 'gateways under path prefixes', mounts: PREFIXES, https: false, proxy: false, dayOne: false },
  { name: 'HTTPS with its own CA', mounts: {}, https: true, proxy: false, dayOne: false },
  { name: 'HTTPS under prefixes through a proxy', mounts: PREFIXES, https: true, proxy: true, dayOne: false },
  { name: 'a day-one vault (no MoMo API user or key yet), under prefixes', mounts: PREFIXES, https: false, proxy: false, dayOne: true },
];

const REQUESTS = [
  'PayNet OSP/Get access token',
  'PayNet OSP/Request a report',
  'PayNet OSP/Report status',
  'PayNet OSP/Download report',
  'MTN MoMo/Request to pay',
  'MTN MoMo/Request to pay status',
  'MTN MoMo/Create access token',
  'MTN MoMo/Get API user',
  'CENTAGATE/authQRCode (transaction)',
  'Elecsnet/Sale (HMAC-SHA1)',
  'Elecsnet/Sale (RSA-SHA256)',
];
/** Run last: a new API key made by hand replaces the one the vault holds for a provisioned user. */
const PROVISIONING_REQUESTS = ['MTN MoMo/Create API user (sandbox provisioning)', 'MTN MoMo/Create API key (sandbox provisioning)'];

const PROVISIONING = 'MTN MoMo/Provision sandbox API user';
const OTHER_FLOWS = ['PayNet OSP/Download report', 'MTN MoMo/Request to pay and wait for the callback'];

describe.each(SHAPES)('$name', (shape) => {
  let dir: Awaited<ReturnType<typeof makeTempDir>>;
  let sandbox: RunningSandbox;
  let proxy: RunningProxy | undefined;
  const printed: string[] = [];
  const cli = async (argv: string[], options?: { stdin?: string }) => {
    const result = await runCli(`${dir.path}/data`, argv, options);
    printed.push(result.stdout, result.stderr);
    return result;
  };
  const connects = async () => (proxy ? (await proxy.log()).split('\n').filter((line) => line.includes(`CONNECT 127.0.0.1:${sandbox.port}`)).length : 0);

  beforeAll(async () => {
    dir = await makeTempDir();
    await preparedDataDir(`${dir.path}/data`);
    const pki = shape.https ? await makeTestPki(dir.path, 'Deployment') : undefined;
    sandbox = await startSandbox({
      mounts: shape.mounts,
      momo: { settleDelayMs: 100 },
      paynet: { pollsUntilReady: 1 },
      ...(pki ? { tls: { cert: pki.serverCert, key: pki.serverKey } } : {}),
    });
    if (shape.proxy) proxy = await startTinyproxy(dir.path, [sandbox.port]);
    await configureShape(cli, shape, sandbox.url, { ...(pki ? { caPem: pki.caCert } : {}), ...(proxy ? { proxyUrl: proxy.url } : {}) });
  }, 120_000);

  afterAll(async () => {
    // Nothing printed by any command of the shape carries a credential.
    const all = printed.join('\n');
    for (const secret of secretValues()) expect(all).not.toContain(secret);
    await proxy?.stop();
    await sandbox?.close();
    await dir?.remove();
  });

  const expectOk = async (argv: string[], label: string) => {
    const result = await cli(argv);
    expect(result.code, `${label}: ${result.stderr}`).toBe(0);
    // Kept-alive tunnels carry several sends, so compare connections: each one the sandbox accepted was a CONNECT the proxy logged.
    if (proxy) {
      expect(await connects(), `${label}: the proxy logged no CONNECT`).toBeGreaterThan(0);
      expect(sandbox.connections(), `${label}: a connection reached the sandbox without the proxy`).toBe(await connects());
    }
  };

  const flow = (path: string) => ['flow', path, '--env', ENV, '--out-dir', `${dir.path}/out`];

  if (shape.dayOne) {
    it(`flow ${PROVISIONING} creates the API user and key the vault lacks`, async () => {
      await expectOk(flow(PROVISIONING), PROVISIONING);
    });
  }

  for (const path of REQUESTS) {
    it(`run ${path}`, async () => {
      await expectOk(['run', path, '--env', ENV], path);
    });
  }

  for (const path of shape.dayOne ? OTHER_FLOWS : [PROVISIONING, ...OTHER_FLOWS]) {
    it(`flow ${path}`, async () => {
      await expectOk(flow(path), path);
    });
  }

  for (const path of PROVISIONING_REQUESTS) {
    it(`run ${path}`, async () => {
      await expectOk(['run', path, '--env', ENV], path);
    });
  }
});
