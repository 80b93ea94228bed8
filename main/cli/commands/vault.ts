import { SecretKind } from '../../contract/vault.ts';
import type { Backend } from '../../services/backend.ts';
import { PASSPHRASE_ENV } from '../../vault/passphrase-from-env.ts';
import { sampleSandboxSecrets } from '../../workspace/samples/sample-workspace.ts';
import { parseCommandArgs, type Command } from '../command.ts';
import type { CliContext } from '../context.ts';
import { EXIT } from '../exit-codes.ts';
import { CliError, type CliIo } from '../io.ts';
import { readNewPassphrase, readSecretValue } from '../secret-input.ts';
import { service } from '../service-errors.ts';
import { unlockVault, withBackend } from '../session.ts';
import { BACKUP_PASSPHRASE_ENV, backupVault, restoreVault } from './vault-backup.ts';
import { allowHosts, secretHosts } from './vault-hosts.ts';
import { DEFAULT_AGENT_FOR, startUnlockAgent, stopUnlockAgent } from './vault-agent.ts';

export const NEW_PASSPHRASE_ENV = 'COUNTERSIGN_NEW_PASSPHRASE';

const OPTIONS = {
  env: { type: 'string' },
  kind: { type: 'string', default: 'text' },
  yes: { type: 'boolean', default: false },
  json: { type: 'boolean', default: false },
  out: { type: 'string' },
  id: { type: 'string' },
  from: { type: 'string' },
  replace: { type: 'boolean', default: false },
  host: { type: 'string', multiple: true },
  'allow-host': { type: 'string', multiple: true },
  'data-dir': { type: 'string' },
  for: { type: 'string' },
} as const;

export const vault: Command = {
  summary: 'Create the vault and list, set or remove secrets',
  help: `Usage: countersign vault <init|list|set|rm|passwd|backup|restore|unlock|lock> [options]

  vault init                       create the vault (passphrase from ${PASSPHRASE_ENV} or asked twice);
                                   the built-in sandbox's test credentials are added to "Sandbox"
  vault list [--env E] [--json]    names, kinds and dates of the secrets (never values)
  vault set NAME --env E [--kind text|rsa_private_key|certificate|passphrase] [--host H]...
                                   store or replace a value read from stdin or a hidden prompt; a new
                                   secret may be sent only to the --host hosts (host[:port]), by default
                                   its environment's base-URL hosts
  vault hosts NAME --env E [--host H]...
                                   show where a secret may be sent, or replace that list (asks for the
                                   vault passphrase even when ${PASSPHRASE_ENV} unlocked the vault)
  vault allow NAME[,NAME...] --env E --allow-host HOST
                                   let the secrets go to HOST too, for good (needs the vault passphrase)
  vault rm NAME --env E [--yes]    remove a secret (asks, unless --yes)
  vault passwd                     change the passphrase (new one from ${NEW_PASSPHRASE_ENV} or asked twice)
  vault backup [--out DIR]         write an encrypted backup (needs the vault passphrase; DIR default Downloads)
                                   and print its path; it opens with this vault's passphrase
  vault restore                    list the copies kept beside the vault (one is made before each change)
  vault restore --id ID            put a kept copy in place (e.g. the vault is damaged); the old file is kept
  vault restore --from FILE [--replace]
                                   add the secrets of a backup file (its vault's passphrase from
                                   ${BACKUP_PASSPHRASE_ENV} or asked); --replace overwrites same-named ones
  vault unlock [--for D]           start an unlock agent holding the vault's key for D (90s, 15m, 2h; default
                                   ${DEFAULT_AGENT_FOR}, at most 12h): until then commands on this data directory need no
                                   passphrase (docs/vault.md says what it protects against and what not)
  vault lock                       stop the unlock agent

Values are never taken from the command line. The vault unlocks with
${PASSPHRASE_ENV} or a hidden prompt; without either and no terminal it fails.

Options:
  --data-dir DIR   data directory (default: COUNTERSIGN_DATA_DIR, then the platform's)

Examples:
  countersign vault init
  printf '%s' "$CLIENT_SECRET" | countersign vault set paynet.client_secret --env UAT
  countersign vault set elecsnet.merchant_private_key --env UAT --kind rsa_private_key < key.pem
  countersign vault list --env UAT
  countersign vault rm paynet.client_secret --env UAT --yes
  countersign vault unlock --for 30m && countersign run-collection "PayNet OSP" --env UAT; countersign vault lock
`,
  async run(args, io, context) {
    const { values, positionals } = parseCommandArgs(args, OPTIONS, true);
    const [action, name, ...extra] = positionals;
    // Not echoed: an extra word here is most likely a value typed by mistake.
    if (extra.length > 0) throw new CliError('Too many arguments: secret values are read from stdin or a prompt, never from the command line.', EXIT.usage);
    // The agent lives on after this command: it needs no backend of its own here.
    if (action === 'unlock') return startUnlockAgent(io, context, values['data-dir'], values.for);
    if (action === 'lock') return stopUnlockAgent(io, values['data-dir']);
    return withBackend(values['data-dir'], io, context, async (backend) => {
      switch (action) {
        case 'init':
          return init(backend, io, context);
        case 'list':
          await unlockVault(backend, io, context);
          return listSecrets(backend, io, values.env, values.json);
        case 'set':
          return setSecret(backend, io, context, requireName(name), requireEnv(values.env), values.kind, values.host);
        case 'hosts':
          await unlockVault(backend, io, context);
          return secretHosts(backend, io, context, requireName(name), requireEnv(values.env), values.host);
        case 'allow':
          await unlockVault(backend, io, context);
          return allowHosts(backend, io, context, requireName(name), requireEnv(values.env), values['allow-host']);
        case 'rm':
          return removeSecret(backend, io, context, requireName(name), requireEnv(values.env), values.yes);
        case 'passwd':
          return changePassphrase(backend, io, context);
        case 'backup':
          return backupVault(backend, io, context, values.out);
        case 'restore':
          return restoreVault(backend, io, context, { id: values.id, from: values.from, replace: values.replace, unlock: () => unlockVault(backend, io, context) });
        default:
          throw new CliError('Say what to do: init, list, set, hosts, allow, rm, passwd, backup, restore, unlock or lock (see --help).', EXIT.usage);
      }
    });
  },
};

function requireName(name: string | undefined): string {
  if (name === undefined) throw new CliError('Name the secret, e.g. "vault set paynet.client_secret --env UAT".', EXIT.usage);
  return name;
}

function requireEnv(environment: string | undefined): string {
  if (environment === undefined) throw new CliError('--env NAME is required: secrets are kept per environment.', EXIT.usage);
  return environment;
}

async function init(backend: Backend, io: CliIo, context: CliContext): Promise<number> {
  const status = await service(() => backend.dispatcher.call('vault:status', {}));
  if (status.state !== 'absent') throw new CliError('This data directory already has a vault; "vault passwd" changes its passphrase.', EXIT.config);
  const passphrase = await readNewPassphrase(context, io.env, PASSPHRASE_ENV, 'vault passphrase');
  await service(() => backend.dispatcher.call('vault:setup', { passphrase }));
  await sandboxSecretsSeeded(backend);
  io.err('Vault created. The built-in sandbox test credentials are in the "Sandbox" environment.\n');
  return EXIT.ok;
}

/** Setup adds the sandbox credentials in the background; the process must not exit before they are stored. */
async function sandboxSecretsSeeded(backend: Backend): Promise<void> {
  const wanted = sampleSandboxSecrets().map((secret) => secret.name);
  for (let attempt = 0; attempt < 250; attempt++) {
    const present = new Set((await service(() => backend.dispatcher.call('vault:list', { environment: 'Sandbox' }))).secrets.map((secret) => secret.name));
    if (wanted.every((name) => present.has(name))) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function listSecrets(backend: Backend, io: CliIo, environment: string | undefined, json: boolean): Promise<number> {
  const listed = await service(() => backend.dispatcher.call('vault:list', environment === undefined ? {} : { environment }));
  const secrets = listed.secrets.map(({ environment: env, name, kind, updatedAt, hosts }) => ({ environment: env, name, kind, updatedAt, hosts }));
  if (json) {
    io.out(`${JSON.stringify(secrets, null, 2)}\n`);
    return EXIT.ok;
  }
  if (secrets.length === 0) io.err(environment === undefined ? 'The vault is empty.\n' : `No secrets in "${environment}".\n`);
  for (const secret of secrets) {
    io.out(`${secret.environment.padEnd(12)} ${secret.name.padEnd(36)} ${secret.kind.padEnd(16)} ${secret.updatedAt}  ${(secret.hosts ?? []).join(',') || '(no host)'}\n`);
  }
  return EXIT.ok;
}

async function setSecret(backend: Backend, io: CliIo, context: CliContext, name: string, environment: string, kindText: string, hosts: string[] | undefined): Promise<number> {
  const kind = SecretKind.safeParse(kindText);
  if (!kind.success) throw new CliError(`--kind must be one of ${SecretKind.options.join(', ')}.`, EXIT.usage);
  // Unlock before reading the value: piped stdin can carry only one of the two.
  await unlockVault(backend, io, context);
  const value = await readSecretValue(context, `Value of ${name} (${environment}): `);
  const exists = (await service(() => backend.dispatcher.call('vault:list', { environment }))).secrets.some((secret) => secret.name === name);
  if (exists && hosts !== undefined) throw new CliError(`${name} exists already: change where it may go with "vault hosts ${name} --env ${environment} --host ...".`, EXIT.usage);
  const stored = exists
    ? await service(() => backend.dispatcher.call('vault:rotate', { environment, name, value }))
    : await service(() => backend.dispatcher.call('vault:add', { environment, name, kind: kind.data, value, ...(hosts === undefined ? {} : { hosts }) }));
  io.err(`${exists ? 'Replaced' : 'Stored'} ${name} in ${environment}.\n`);
  // A short value: kept, with main's words on how little it is hidden.
  if (stored.notice !== undefined) io.err(`Note: ${stored.notice}\n`);
  return EXIT.ok;
}

async function removeSecret(backend: Backend, io: CliIo, context: CliContext, name: string, environment: string, yes: boolean): Promise<number> {
  await unlockVault(backend, io, context);
  if (!yes) {
    if (!context.promptHidden) throw new CliError('Add --yes to remove a secret without a terminal to confirm on.', EXIT.usage);
    const answer = await context.promptHidden(`Remove ${name} from ${environment}? Type "yes": `);
    if (answer.trim().toLowerCase() !== 'yes') {
      io.err('Nothing removed.\n');
      return EXIT.ok;
    }
  }
  await service(() => backend.dispatcher.call('vault:delete', { environment, name, confirm: true }));
  io.err(`Removed ${name} from ${environment}.\n`);
  return EXIT.ok;
}

async function changePassphrase(backend: Backend, io: CliIo, context: CliContext): Promise<number> {
  const fromEnv = io.env[PASSPHRASE_ENV];
  const current = fromEnv !== undefined && fromEnv !== '' ? fromEnv : await context.promptHidden?.('Current passphrase: ');
  if (current === undefined) throw new CliError(`Set ${PASSPHRASE_ENV} or run in a terminal to give the current passphrase.`, EXIT.config);
  await service(() => backend.dispatcher.call('vault:unlock', { passphrase: current }));
  const next = await readNewPassphrase(context, io.env, NEW_PASSPHRASE_ENV, 'passphrase');
  await service(() => backend.dispatcher.call('vault:set-passphrase', { current, next }));
  io.err('Passphrase changed.\n');
  return EXIT.ok;
}
