import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseCommandArgs, type Command } from '../command.ts';
import { EXIT } from '../exit-codes.ts';
import { CliError } from '../io.ts';
import { findCollection } from '../request-path.ts';
import { service } from '../service-errors.ts';
import { withBackend } from '../session.ts';

export const exportCommand: Command = {
  summary: 'Export a collection to a file',
  help: `Usage: countersign export <collection> FILE [--data-dir DIR]

Writes the collection (requests, folders, auth settings, environments) as the
app's export file. Secrets stay in the vault: the file names them only.
FILE "-" writes to stdout.

Example:
  countersign export "PayNet OSP" paynet.countersign.json
`,
  async run(args, io, context) {
    const { values, positionals } = parseCommandArgs(args, { 'data-dir': { type: 'string' } }, true);
    const [name, file, ...extra] = positionals;
    if (name === undefined || file === undefined || extra.length > 0) throw new CliError('Give a collection name and a file (quote names with spaces).', EXIT.usage);
    return withBackend(values['data-dir'], io, context, async (backend) => {
      const collection = findCollection(await service(() => backend.dispatcher.call('workspace:tree', {})), name);
      const exported = await service(() => backend.dispatcher.call('workspace:export-collection', { collectionId: collection.id }));
      if (file === '-') io.out(exported.text);
      else {
        await writeFile(resolve(file), exported.text);
        io.err(`Exported "${name}" to ${file}.\n`);
      }
      return EXIT.ok;
    });
  },
};
