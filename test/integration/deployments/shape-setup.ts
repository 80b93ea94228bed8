/**
 * Configures a data directory for one deployment shape the way a user does:
 * `vault set` for each credential they were given, `env set` for each
 * collection's variables and network settings. Nothing internal is patched.
 */
import { SANDBOX_CREDENTIALS, readSandboxMerchantPrivateKey } from '../../../main/sandbox/credentials.ts';
import type { SandboxMounts } from '../../../main/sandbox/mounts.ts';
import type { Backend } from '../../../main/services/backend.ts';
import { SAMPLE_SECRET_NAMES as S } from '../../../main/workspace/samples/secret-names.ts';

export const ENV = 'UAT';

export type Shape = {
  name: string;
  mounts: SandboxMounts;
  https: boolean;
  proxy: boolean;
  /** Only what a user holds before provisioning: no MoMo API user or key. */
  dayOne: boolean;
};

export const PREFIXES: SandboxMounts = { paynet: '/osp/v2', momo: '/momo', centagate: '/centagate', elecsnet: '/elecsnet' };

export const COLLECTION_GATEWAY: Readonly<Record<string, keyof SandboxMounts>> = {
  'PayNet OSP': 'paynet',
  'MTN MoMo': 'momo',
  CENTAGATE: 'centagate',
  Elecsnet: 'elecsnet',
};

type Cli = (argv: string[], options?: { stdin?: string }) => Promise<{ code: number; stdout: string; stderr: string }>;

async function must(cli: Cli, argv: string[], stdin?: string): Promise<string> {
  const result = await cli(argv, stdin === undefined ? undefined : { stdin });
  if (result.code !== 0) throw new Error(`countersign ${argv.join(' ')} exited ${result.code}: ${result.stderr}`);
  return result.stdout;
}

/** The credentials a gateway hands a merchant, as they would be typed into `vault set`. */
function credentials(dayOne: boolean): { name: string; value: string; kind: string }[] {
  const c = SANDBOX_CREDENTIALS;
  return [
    { name: S.paynetClientSecret, value: c.paynet.clientSecret, kind: 'text' },
    { name: S.momoSubscriptionKey, value: c.momo.subscriptionKey, kind: 'text' },
    ...(dayOne ? [] : [{ name: S.momoApiKey, value: c.momo.apiKey, kind: 'text' }]),
    { name: S.centagateSecretKey, value: c.centagate.secretKey, kind: 'text' },
    { name: S.elecsnetControlKey, value: c.elecsnet.controlKey, kind: 'text' },
    { name: S.elecsnetPrivateKey, value: readSandboxMerchantPrivateKey(), kind: 'rsa_private_key' },
  ];
}

type Listed = { collection: string; environments: { name: string; variables: { name: string; value: string }[] }[] }[];

/** Stores the credentials and points every sample collection's UAT environment at the sandbox in this shape. */
export async function configureShape(cli: Cli, shape: Shape, origin: string, extra: { caPem?: string; proxyUrl?: string }): Promise<void> {
  // Each credential may go to this deployment's host only (the vault binds a secret to the hosts it may be sent to).
  const host = new URL(origin).host;
  for (const secret of credentials(shape.dayOne)) await must(cli, ['vault', 'set', secret.name, '--env', ENV, '--kind', secret.kind, '--host', host], secret.value);
  if (extra.caPem !== undefined) await must(cli, ['vault', 'set', 'deployment.ca', '--env', ENV, '--kind', 'certificate'], extra.caPem);
  const listed = JSON.parse(await must(cli, ['env', 'list', '--json'])) as Listed;
  for (const { collection, environments } of listed) {
    const gateway = COLLECTION_GATEWAY[collection];
    if (gateway === undefined) continue;
    const base = `${origin}${shape.mounts[gateway] ?? ''}`;
    // The values the built-in sandbox environment uses, moved to this deployment's origin and prefix.
    const sandbox = environments.find((environment) => environment.name === 'Sandbox');
    const assignments = (sandbox?.variables ?? [])
      .filter((variable) => !(shape.dayOne && variable.name === 'apiUser'))
      .map((variable) => `${variable.name}=${variable.value.replace(/^https?:\/\/127\.0\.0\.1:\d+/, base)}`);
    const network = [
      ...(extra.caPem !== undefined ? ['--ca-secret', 'deployment.ca'] : []),
      ...(extra.proxyUrl !== undefined ? ['--proxy', extra.proxyUrl] : []),
    ];
    await must(cli, ['env', 'set', collection, ENV, ...assignments, ...network]);
    if (shape.dayOne && collection === 'MTN MoMo') await must(cli, ['env', 'set', collection, ENV, 'apiUser=']);
  }
}

/** The id of a new collection's UAT environment (every new collection gets one), for tests that drive the backend directly. */
export async function uatEnvironmentId(backend: Pick<Backend, 'dispatcher'>, collectionId: string): Promise<string> {
  const uat = (await backend.dispatcher.call('workspace:environments', { collectionId })).find((environment) => environment.name === ENV);
  if (!uat) throw new Error('a new collection has no UAT environment');
  return uat.id;
}
