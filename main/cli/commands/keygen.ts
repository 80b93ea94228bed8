import { randomUUID } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { KeySize } from '../../contract/keys.ts';
import { parseCommandArgs, type Command } from '../command.ts';
import { EXIT } from '../exit-codes.ts';
import { CliError } from '../io.ts';
import { readNewPassphrase } from '../secret-input.ts';
import { service } from '../service-errors.ts';
import { unlockVault, withBackend } from '../session.ts';

export const EXPORT_PASSPHRASE_ENV = 'COUNTERSIGN_EXPORT_PASSPHRASE';

export const keygen: Command = {
  summary: 'Generate an RSA key in the vault and export it',
  help: `Usage: countersign keygen --env E --name N [--bits 2048|3072|4096] [export options]

Generates an RSA key pair, keeps the private key in the vault under the
environment, and prints its SHA-256 fingerprint.

Options:
  --env E                  the vault environment (required)
  --name N                 the key's name (required; letters, digits, . _ -)
  --bits 2048|3072|4096    key size (default 4096)
  --export-public FILE     write the public key (PEM, SPKI)
  --export-private FILE    write the private key; needs --pkcs8 or --pkcs1
  --pkcs8 | --pkcs1        private key format (PKCS#1 is always unencrypted)
  --encrypt                encrypt a PKCS#8 export; passphrase from ${EXPORT_PASSPHRASE_ENV} or asked twice
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

    return withBackend(values['data-dir'], io, context, async (backend) => {
      await unlockVault(backend, io, context);
      // Ask for the export passphrase before the long part, not after it.
      const exportPassphrase = values.encrypt ? await readNewPassphrase(context, io.env, EXPORT_PASSPHRASE_ENV, 'export passphrase') : undefined;
      const jobId = randomUUID();
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

      if (values['export-public'] !== undefined) {
        const exported = await service(() => backend.keys.exportPublic(ref));
        await writeFile(resolve(values['export-public']), exported.pem);
        io.err(`Public key written to ${values['export-public']}.\n`);
      }
      if (privateFile !== undefined) {
        const exported = await service(() =>
          backend.keys.exportPrivate(
            values.pkcs1
              ? { ...ref, format: 'pkcs1', acknowledgeUnencrypted: true }
              : { ...ref, format: 'pkcs8', ...(exportPassphrase === undefined ? {} : { passphrase: exportPassphrase }) },
          ),
        );
        // Owner-only, like the vault itself.
        await writeFile(resolve(privateFile), exported.pem, { mode: 0o600 });
        io.err(`Private key written to ${privateFile}${exported.encrypted ? ' (encrypted)' : ''}.\n`);
        if (exported.warning) io.err(`warning: ${exported.warning}\n`);
      }
      return EXIT.ok;
    });
  },
};
