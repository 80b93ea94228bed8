import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { ServiceError } from '../../contract/errors.ts';
import { KeySize } from '../../contract/keys.ts';
import { writeKeyFile } from '../../keys/write-key-file.ts';
import { assertFreeOrReplaceable, FileExistsError } from '../../platform/private-file.ts';
import { parseCommandArgs, type Command } from '../command.ts';
import { EXIT } from '../exit-codes.ts';
import { CliError } from '../io.ts';
import { readNewPassphrase } from '../secret-input.ts';
import { service, toCliError } from '../service-errors.ts';
import { unlockVault, withBackend } from '../session.ts';

export const EXPORT_PASSPHRASE_ENV = 'COUNTERSIGN_EXPORT_PASSPHRASE';

export const keygen: Command = {
  summary: 'Generate an RSA key in the vault and export it',
  help: `Usage: countersign keygen --env E --name N [--bits 2048|3072|4096] [export options]

Generates an RSA key pair, keeps the private key in the vault under the
environment, and prints its SHA-256 fingerprint. Export files are new files:
the private key 0600, the public key 0644 (it is meant to be handed out). An
existing file is refused unless --force.

Options:
  --env E                  the vault environment (required)
  --name N                 the key's name (required; letters, digits, . _ -)
  --bits 2048|3072|4096    key size (default 4096)
  --export-public FILE     write the public key (PEM, SPKI)
  --export-private FILE    write the private key; needs --pkcs8 or --pkcs1
  --pkcs8 | --pkcs1        private key format (PKCS#1 is always unencrypted)
  --encrypt                encrypt a PKCS#8 export; passphrase from ${EXPORT_PASSPHRASE_ENV} or asked twice
  --force                  replace an existing export file (a symlink there is replaced, never followed)
  --data-dir DIR           data directory (default: COUNTERSIGN_DATA_DIR, then the platform's)

Examples:
  countersign keygen --bits 4096 --env UAT --name merchant --export-public merchant.pub.pem
  countersign keygen --env UAT --name backup --export-private backup.pem --pkcs8 --encrypt
`,
  async run(args, io, context) {
    const { values, positionals } = parseCommandArgs(args, {
      bits: { type: 'string', default: '4096' },
      env: { type: 'string' },
      name: { type: 'string' },
      'export-public': { type: 'string' },
      'export-private': { type: 'string' },
      pkcs8: { type: 'boolean', default: false },
      pkcs1: { type: 'boolean', default: false },
      encrypt: { type: 'boolean', default: false },
      force: { type: 'boolean', default: false },
      'data-dir': { type: 'string' },
    });
    if (positionals.length > 0) throw new CliError(`Unexpected "${positionals.join(' ')}" (see --help).`, EXIT.usage);
    const bits = KeySize.safeParse(Number(values.bits));
    if (!bits.success) throw new CliError(`--bits must be 2048, 3072 or 4096, not "${values.bits}".`, EXIT.usage);
    if (values.env === undefined || values.name === undefined) throw new CliError('--env and --name are required.', EXIT.usage);
    const privateFile = values['export-private'];
    if (privateFile !== undefined && values.pkcs8 === values.pkcs1) throw new CliError('--export-private needs exactly one of --pkcs8 or --pkcs1.', EXIT.usage);
    if (values.encrypt && !values.pkcs8) throw new CliError('--encrypt applies to --pkcs8 exports only (PKCS#1 is written unencrypted).', EXIT.usage);
    const ref = { environment: values.env, name: values.name };
    const publicPath = values['export-public'] === undefined ? undefined : resolve(values['export-public']);
    const privatePath = privateFile === undefined ? undefined : resolve(privateFile);
    if (publicPath !== undefined && publicPath === privatePath) throw new CliError('--export-public and --export-private name the same file.', EXIT.usage);
    // Refused before a key is generated: the vault would keep a key the user then has to remove.
    for (const path of [publicPath, privatePath]) if (path !== undefined) await refuseTaken(path, values.force);

    return withBackend(values['data-dir'], io, context, async (backend) => {
      await unlockVault(backend, io, context);
      // Ask for the export passphrase before the long part, not after it.
      const exportPassphrase = values.encrypt ? await readNewPassphrase(context, io.env, EXPORT_PASSPHRASE_ENV, 'export passphrase') : undefined;
      const jobId = randomUUID();
      // direct call: generation progress streams through the bus; keys:generate answers once, at the end.
      const unsubscribe = backend.bus.subscribe((name, payload) => {
        if (io.isTty && name === 'keys:generation-progress' && 'jobId' in payload && payload.jobId === jobId && 'elapsedMs' in payload) {
          io.err(`\rgenerating ${bits.data}-bit key... ${(payload.elapsedMs / 1000).toFixed(1)} s`);
        }
      });
      const generated = await service(() => backend.dispatcher.call('keys:generate', { ...ref, bits: bits.data, jobId })).finally(unsubscribe);
      if (io.isTty) io.err('\n');
      if (generated.outcome !== 'created') throw new CliError('Key generation was cancelled.', EXIT.internal);
      io.out(`${generated.key.fingerprint.sha256Hex}\n`);
      io.err(`Stored ${generated.key.bits}-bit key "${ref.name}" in ${ref.environment}.\n`);

      if (publicPath !== undefined) {
        const exported = await service(() => backend.dispatcher.call('keys:export-public', ref));
        await writeExport(publicPath, exported.pem, values.force, PUBLIC_KEY_MODE);
        io.err(`Public key written to ${values['export-public'] ?? publicPath}.\n`);
      }
      if (privatePath !== undefined && privateFile !== undefined) {
        // Main writes the file (owner-only, like the vault itself): the key never comes back through a channel.
        const target = { file: privatePath, overwrite: values.force };
        const exported = await backend.dispatcher
          .call(
            'cli:export-private-key',
            values.pkcs1
              ? { ...ref, format: 'pkcs1', acknowledgeUnencrypted: true, ...target }
              : { ...ref, format: 'pkcs8', ...(exportPassphrase === undefined ? {} : { passphrase: exportPassphrase }), ...target },
          )
          .catch((error: unknown) => {
            if (error instanceof ServiceError && error.code === 'conflict') throw new CliError(`${privatePath} already exists; it was left as it was (--force replaces it).`, EXIT.usage);
            throw toCliError(error);
          });
        io.err(`Private key written to ${privateFile}${exported.encrypted ? ' (encrypted)' : ''}.\n`);
        if (exported.warning) io.err(`warning: ${exported.warning}\n`);
      }
      return EXIT.ok;
    });
  },
};

// A public key is meant to be handed out: group/other may read it, as ssh-keygen leaves *.pub.
const PUBLIC_KEY_MODE = 0o644;

async function refuseTaken(path: string, force: boolean): Promise<void> {
  try {
    await assertFreeOrReplaceable(path, force);
  } catch (error) {
    throw asCliError(error);
  }
}

async function writeExport(path: string, pem: string, force: boolean, mode: number): Promise<void> {
  try {
    await writeKeyFile(path, pem, { overwrite: force, mode });
  } catch (error) {
    throw asCliError(error);
  }
}

function asCliError(error: unknown): CliError {
  if (error instanceof FileExistsError) return new CliError(`${error.path} already exists; it was left as it was (--force replaces it).`, EXIT.usage);
  return new CliError(`Could not write the key file: ${error instanceof Error ? error.message : String(error)}`, EXIT.internal);
}
