import { resolve } from 'node:path';
import { parseCommandArgs, type Command } from '../command.ts';
import { EXIT } from '../exit-codes.ts';
import { CliError } from '../io.ts';
import { findCollection } from '../request-path.ts';
import { service } from '../service-errors.ts';
import { unlockVault, withBackend } from '../session.ts';
import { writeExportFile } from './export-file.ts';
import { printCredentialFindings } from './export-findings.ts';
import { writePostmanExport } from './export-postman.ts';

export const exportCommand: Command = {
  summary: 'Export a collection to a file',
  help: `Usage: countersign export <collection> FILE [--format countersign|postman] [--env NAME [--env-out FILE]]
                          [--force] [--move-to-vault] [--data-dir DIR]

Writes the collection (requests, folders, auth settings, environments) as the
app's export file, readable by you only (0600). Secrets stay in the vault: the
file names them only. FILE "-" writes to stdout.

--format postman writes a Postman Collection v2.1 instead (for Postman, newman,
Bruno): secrets become {{name}} variables with empty values, and what Postman
cannot do (PayNet and CENTAGATE signatures, MoMo, flows, assertions) is listed
on stderr and noted in the file. With --env NAME, that environment is written
too, as a Postman environment file (beside FILE unless --env-out FILE).

Values that look like credentials typed straight into a header, parameter,
body field or URL (Authorization: Bearer ..., apiKey=..., password=...) are
listed on stderr, by request and field, never by value.

Options:
  --format F        countersign (default) or postman
  --env NAME        postman only: also write this environment as a Postman environment file
  --env-out FILE    where that environment file goes (default: beside FILE, under its suggested name)
  --force           replace FILE if it exists (otherwise an existing file is refused)
  --move-to-vault   move those values into the vault (every environment of the
                    collection) and export {{secret:name}} references instead
  --data-dir DIR    data directory (default: COUNTERSIGN_DATA_DIR, then the platform's)

Examples:
  countersign export "PayNet OSP" paynet.countersign.json
  countersign export "MTN MoMo" momo.postman_collection.json --format postman --env Sandbox
`,
  async run(args, io, context) {
    const { values, positionals } = parseCommandArgs(
      args,
      {
        'data-dir': { type: 'string' },
        force: { type: 'boolean', default: false },
        'move-to-vault': { type: 'boolean', default: false },
        format: { type: 'string', default: 'countersign' },
        env: { type: 'string' },
        'env-out': { type: 'string' },
      },
      true,
    );
    const [name, file, ...extra] = positionals;
    if (name === undefined || file === undefined || extra.length > 0) throw new CliError('Give a collection name and a file (quote names with spaces).', EXIT.usage);
    if (values.format !== 'countersign' && values.format !== 'postman') throw new CliError(`--format is countersign or postman, not "${values.format}".`, EXIT.usage);
    if (values.format !== 'postman' && (values.env !== undefined || values['env-out'] !== undefined)) throw new CliError('--env and --env-out go with --format postman.', EXIT.usage);
    return withBackend(values['data-dir'], io, context, async (backend) => {
      const collection = findCollection(await service(() => backend.dispatcher.call('workspace:tree', {})), name);
      let exported = await service(() => backend.dispatcher.call('workspace:export-collection', { collectionId: collection.id }));
      if (values['move-to-vault'] && exported.credentialFindings.length > 0) {
        await unlockVault(backend, io, context);
        const moved = await service(() => backend.dispatcher.call('workspace:move-credentials-to-vault', { collectionId: collection.id }));
        printCredentialFindings(io, moved.moved, true);
        for (const warning of moved.warnings) io.err(`Warning: ${warning}\n`);
        exported = await service(() => backend.dispatcher.call('workspace:export-collection', { collectionId: collection.id }));
      }
      if (values.format === 'postman') {
        const postman = await service(() => backend.dispatcher.call('workspace:export-postman', { collectionId: collection.id, ...(values.env === undefined ? {} : { environment: values.env }) }));
        printCredentialFindings(io, postman.credentialFindings, false);
        return writePostmanExport(io, postman, { file, envOut: values['env-out'], force: values.force, name });
      }
      printCredentialFindings(io, exported.credentialFindings, false);
      if (file === '-') {
        io.out(exported.text);
        return EXIT.ok;
      }
      const written = await writeExportFile(resolve(file), exported.text, values.force);
      if (written === 'exists') throw new CliError(`${file} already exists and was left as it was: add --force to replace it.`, EXIT.usage);
      io.err(`Exported "${name}" to ${file}${written === 'replaced' ? ' (replaced)' : ''}.\n`);
      return EXIT.ok;
    });
  },
};
