import type { Environment } from '../../contract/workspace.ts';
import type { Backend } from '../../services/backend.ts';
import { parseCommandArgs, type Command } from '../command.ts';
import type { CliContext } from '../context.ts';
import { findEnvironment } from '../environment.ts';
import { EXIT } from '../exit-codes.ts';
import { CliError, type CliIo } from '../io.ts';
import { findCollection } from '../request-path.ts';
import { service } from '../service-errors.ts';
import { withBackend } from '../session.ts';
import {
  NETWORK_SET_OPTIONS,
  NETWORK_UNSET_OPTIONS,
  applyNetworkSet,
  applyNetworkUnset,
  changesNetwork,
  describeNetwork,
  type NetworkSetValues,
  type NetworkUnsetValues,
} from './env-network.ts';
import { PROVIDER_HELP, PROVIDER_SET_OPTIONS, PROVIDER_UNSET_OPTIONS, describeProviders, parseProviderFlags } from './env-providers.ts';

const COMMON = { 'data-dir': { type: 'string' }, json: { type: 'boolean', default: false } } as const;

const USAGE = 'Usage: countersign env list [collection] | env set|unset <collection> <env> [NAME[=VALUE]...] [network options]';

export const env: Command = {
  summary: 'Show or change environments: variables and network settings (secret names only)',
  help: `Usage: countersign env list [collection] [--json]
       countersign env set <collection> <env> [NAME=VALUE...] [network options]
       countersign env unset <collection> <env> [NAME...] [network options]

list   each collection's environments: whether it is protected (sending needs
       --yes-production), its variables, network settings and the names of
       the vault secrets it expects. Values of secrets are never shown.
set    sets variables (NAME=VALUE) and network settings of one environment.
unset  removes variables (NAME) and network settings of one environment.
No vault is needed: network settings name vault secrets, the values stay in
the vault ("countersign vault set NAME --env ENV --kind KIND").

Network options for set (each names a vault secret of the environment):
  --proxy URL                          send through this HTTP proxy (no credentials in the URL)
  --proxy-credentials-secret NAME      "user:password" for the proxy
  --no-proxy LIST                      hosts reached directly, e.g. "localhost,.internal"
  --ca-secret NAME                     PEM CA bundle (kind certificate) trusted besides the system's
  --client-cert-secret NAME            mTLS client certificate, PEM (kind certificate)
  --client-key-secret NAME             its private key, PEM (kind private_key)
  --client-key-passphrase-secret NAME  passphrase of an encrypted PEM key
  --pkcs12-secret NAME                 mTLS client certificate and key as PKCS#12, base64 (kind pkcs12)
  --pkcs12-passphrase-secret NAME      its passphrase
  --insecure                           stop verifying TLS certificates (refused for protected environments; warned on every send)
  --verify                             verify TLS certificates again (the default)
Network options for unset: --proxy, --no-proxy, --ca-secret, --client-cert, --insecure

${PROVIDER_HELP}

Options:
  --data-dir DIR   data directory (default: COUNTERSIGN_DATA_DIR, then the platform's)
  --json           print JSON instead of text

Examples:
  countersign env list "MTN MoMo" --json
  countersign env set "MTN MoMo" UAT baseUrl=https://api.example.com/momo targetEnvironment=mtnuganda
  countersign env set "PayNet OSP" UAT --proxy http://proxy.corp:3128 --no-proxy localhost --ca-secret corp.ca
  countersign env set "PayNet OSP" UAT --client-cert-secret paynet.cert --client-key-secret paynet.key
  countersign env unset "MTN MoMo" UAT callbackUrl --proxy
  countersign env set "PayNet OSP" UAT --secret-provider env --secret-provider pass:team/paynet-uat
`,
  async run(args, io, context) {
    const action = args[0];
    if (action === 'set') return change(args.slice(1), io, context, 'set');
    if (action === 'unset') return change(args.slice(1), io, context, 'unset');
    const { values, positionals } = parseCommandArgs(args, COMMON, true);
    const [listAction, collectionName, ...extra] = positionals;
    if (listAction !== 'list' || extra.length > 0) throw new CliError(USAGE, EXIT.usage);
    return withBackend(values['data-dir'], io, context, async (backend) => {
      const tree = await service(() => backend.dispatcher.call('workspace:tree', {}));
      const collections =
        collectionName === undefined ? tree.entries.filter((entry) => entry.kind === 'collection') : [findCollection(tree, collectionName)];
      const report = [];
      for (const collection of collections) {
        const environments = await service(() => backend.dispatcher.call('workspace:environments', { collectionId: collection.id }));
        report.push({ collection: collection.name, environments: environments.map(describe) });
      }
      if (values.json) {
        io.out(`${JSON.stringify(report, null, 2)}\n`);
        return EXIT.ok;
      }
      for (const { collection, environments } of report) {
        io.out(`${collection}\n`);
        for (const environment of environments) printEnvironment(io, environment);
      }
      return EXIT.ok;
    });
  },
};

function describe(environment: Environment) {
  return {
    name: environment.name,
    protected: environment.protected,
    variables: environment.variables.filter((variable) => variable.enabled).map(({ name, value }) => ({ name, value })),
    secrets: environment.secrets,
    network: environment.network ?? {},
    secretProviders: environment.secretProviders ?? [],
  };
}

function printEnvironment(io: CliIo, environment: ReturnType<typeof describe>): void {
  io.out(`  ${environment.name}${environment.protected ? '  (protected: needs --yes-production)' : ''}\n`);
  for (const variable of environment.variables) io.out(`    ${variable.name} = ${variable.value}\n`);
  for (const line of describeNetwork(environment.network)) io.out(`    ${line}\n`);
  const providers = describeProviders(environment.name, environment.secretProviders);
  if (providers !== null) io.out(`    ${providers}\n`);
  if (environment.secrets.length > 0) io.out(`    secrets: ${environment.secrets.join(', ')}\n`);
}

type NetworkChange = ((current: Environment['network']) => Environment['network']) | null;

async function change(args: string[], io: CliIo, context: CliContext, action: 'set' | 'unset'): Promise<number> {
  let dataDir: string | undefined;
  let json: boolean;
  let positionals: string[];
  let network: NetworkChange = null;
  let providers: ReturnType<typeof parseProviderFlags> = null;
  if (action === 'set') {
    const parsed = parseCommandArgs(args, { ...COMMON, ...NETWORK_SET_OPTIONS, ...PROVIDER_SET_OPTIONS }, true);
    ({ positionals } = parsed);
    ({ 'data-dir': dataDir, json } = parsed.values);
    const { 'secret-provider': providerFlags, ...flags }: NetworkSetValues & { 'secret-provider'?: string[] | undefined } = parsed.values;
    if (changesNetwork(flags)) network = (current) => applyNetworkSet(current, flags);
    providers = parseProviderFlags(providerFlags);
  } else {
    const parsed = parseCommandArgs(args, { ...COMMON, ...NETWORK_UNSET_OPTIONS, ...PROVIDER_UNSET_OPTIONS }, true);
    ({ positionals } = parsed);
    ({ 'data-dir': dataDir, json } = parsed.values);
    const { 'secret-providers': clearProviders, ...flags }: NetworkUnsetValues & { 'secret-providers'?: boolean | undefined } = parsed.values;
    if (changesNetwork(flags)) network = (current) => applyNetworkUnset(current, flags);
    if (clearProviders) providers = [];
  }
  const [collectionName, environmentName, ...pairs] = positionals;
  if (collectionName === undefined || environmentName === undefined) throw new CliError(`Name the collection and the environment. ${USAGE}`, EXIT.usage);
  if (pairs.length === 0 && network === null && providers === null) throw new CliError(`Nothing to ${action}: give NAME${action === 'set' ? '=VALUE' : ''} or a network option (see --help).`, EXIT.usage);
  const variables = action === 'set' ? parseAssignments(pairs) : parseNames(pairs);
  return withBackend(dataDir, io, context, async (backend) => {
    const tree = await service(() => backend.dispatcher.call('workspace:tree', {}));
    const collection = findCollection(tree, collectionName);
    const environment = await findEnvironment(backend, collection.id, environmentName);
    const updated = await update(backend, collection.id, environment, action, variables, network, providers);
    if (json) io.out(`${JSON.stringify({ collection: collection.name, ...describe(updated) }, null, 2)}\n`);
    else {
      io.out(`${collection.name}\n`);
      printEnvironment(io, describe(updated));
    }
    return EXIT.ok;
  });
}

async function update(
  backend: Backend,
  collectionId: string,
  environment: Environment,
  action: 'set' | 'unset',
  variables: Map<string, string | null>,
  network: NetworkChange,
  providers: ReturnType<typeof parseProviderFlags> = null,
): Promise<Environment> {
  let list = environment.variables;
  if (action === 'unset') {
    const missing = [...variables.keys()].filter((name) => !list.some((variable) => variable.name === name));
    if (missing.length > 0) throw new CliError(`${environment.name} has no variable ${missing.map((name) => `"${name}"`).join(', ')}.`, EXIT.usage);
    list = list.filter((variable) => !variables.has(variable.name));
  } else {
    for (const [name, value] of variables) {
      const at = list.findIndex((variable) => variable.name === name);
      const entry = { name, value: value ?? '', enabled: true };
      list = at < 0 ? [...list, entry] : list.map((variable, index) => (index === at ? entry : variable));
    }
  }
  const settings = network === null ? undefined : (network(environment.network) ?? {});
  return service(() =>
    backend.dispatcher.call('workspace:update-environment', {
      collectionId,
      environmentId: environment.id,
      ...(variables.size > 0 ? { variables: list } : {}),
      ...(settings === undefined ? {} : { network: settings }),
      ...(providers === null ? {} : { secretProviders: providers }),
    }),
  );
}

function parseAssignments(pairs: readonly string[]): Map<string, string | null> {
  const out = new Map<string, string | null>();
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    if (at <= 0) throw new CliError(`env set takes NAME=VALUE, not "${pair}" (to remove a variable: env unset).`, EXIT.usage);
    out.set(pair.slice(0, at), pair.slice(at + 1));
  }
  return out;
}

function parseNames(names: readonly string[]): Map<string, string | null> {
  const out = new Map<string, string | null>();
  for (const name of names) {
    if (name.includes('=')) throw new CliError(`env unset takes variable names only, not "${name}".`, EXIT.usage);
    out.set(name, null);
  }
  return out;
}
