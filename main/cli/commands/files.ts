import { resolve } from 'node:path';
import type { BodyFileFolders } from '../../contract/files.ts';
import { parseCommandArgs, type Command } from '../command.ts';
import { EXIT } from '../exit-codes.ts';
import { CliError } from '../io.ts';
import { service } from '../service-errors.ts';
import { withBackend } from '../session.ts';

const OPTIONS = {
  'data-dir': { type: 'string' },
  json: { type: 'boolean', default: false },
} as const;

const USAGE = 'Usage: countersign files list|allow|forget [PATH]';

export const files: Command = {
  summary: 'Choose the folders request bodies may read files from',
  help: `Usage: countersign files list [--data-dir DIR] [--json]
       countersign files allow PATH [--data-dir DIR]
       countersign files forget PATH [--data-dir DIR]

A multipart file part or a binary body reads a local file when the request
is sent. Only files in folders you allowed are read: a collection from an
import, a colleague or git cannot send any other file. "run", "flow" and
"run-collection" refuse a file outside them before anything is sent.

list    prints the allowed folders (and single files), the workspace folder
        in use (allowed while it is open), and the places never read: the
        data directory and secret stores such as ~/.ssh, ~/.gnupg, ~/.aws.
allow   adds a folder, or one file, after resolving links and "..". The
        root and your home folder as a whole are refused as too broad.
forget  removes one, as "list" prints it.

The list is kept in the data directory's settings, shared with the app and
browser mode. No vault is needed.

Options:
  --data-dir DIR   data directory (default: COUNTERSIGN_DATA_DIR, then the platform's)
  --json           print JSON instead of text (list)

Examples:
  countersign files allow ~/uploads/statements
  countersign files list
  countersign files forget /home/you/uploads/statements
`,
  async run(args, io, context) {
    const { values, positionals } = parseCommandArgs(args, OPTIONS, true);
    const [action, path, ...extra] = positionals;
    if (extra.length > 0) throw new CliError(`Give one path (quote paths with spaces). ${USAGE}`, EXIT.usage);
    if (action === 'list') {
      if (path !== undefined) throw new CliError('files list takes no path.', EXIT.usage);
    } else if (action === 'allow' || action === 'forget') {
      if (path === undefined || path.trim() === '') throw new CliError(`files ${action} needs a PATH.`, EXIT.usage);
    } else {
      throw new CliError(USAGE, EXIT.usage);
    }
    return withBackend(values['data-dir'], io, context, async (backend) => {
      if (action === 'list') {
        const listed = await service(() => backend.dispatcher.call('files:body-file-folders', {}));
        io.out(values.json ? `${JSON.stringify(listed, null, 2)}\n` : listText(listed));
        return EXIT.ok;
      }
      // A path typed in a shell is relative to where it was typed.
      const full = resolve(path ?? '');
      if (action === 'allow') {
        const listed = await service(() => backend.dispatcher.call('files:allow-body-folder', { path: full }));
        io.err(`Request bodies may now read files in ${listed.folders.at(-1) ?? full}.\n`);
      } else {
        await service(() => backend.dispatcher.call('files:forget-body-folder', { path: full }));
        io.err(`Request bodies may no longer read files in ${full}.\n`);
      }
      return EXIT.ok;
    });
  },
};

function listText(listed: BodyFileFolders): string {
  const lines = listed.folders.length === 0 ? ['No folders allowed for request bodies.'] : ['Allowed for request bodies:', ...listed.folders.map((folder) => `  ${folder}`)];
  if (listed.workspaceFolder !== null) lines.push(`Workspace folder in use (allowed while open): ${listed.workspaceFolder}`);
  lines.push('Never read:', ...listed.never.map((place) => `  ${place.path}  (${place.what})`));
  return `${lines.join('\n')}\n`;
}

