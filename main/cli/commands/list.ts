import type { TreeEntry } from '../../contract/workspace.ts';
import { parseCommandArgs, type Command } from '../command.ts';
import { EXIT } from '../exit-codes.ts';
import { CliError } from '../io.ts';
import { findCollection } from '../request-path.ts';
import { service } from '../service-errors.ts';
import { withBackend } from '../session.ts';

export const list: Command = {
  summary: 'Show collections, folders and requests',
  help: `Usage: countersign list [collection] [--data-dir DIR] [--json]

Prints the workspace as a tree: collections, folders (ending in /) and
requests with their method. The names are what "countersign run" takes.
Needs no vault.

Options:
  --data-dir DIR   data directory (default: COUNTERSIGN_DATA_DIR, then the platform's)
  --json           print the request paths as a JSON array

Examples:
  countersign list
  countersign list "PayNet OSP"
`,
  async run(args, io, context) {
    const { values, positionals } = parseCommandArgs(args, { 'data-dir': { type: 'string' }, json: { type: 'boolean', default: false } }, true);
    if (positionals.length > 1) throw new CliError('Give at most one collection name (quote names with spaces).', EXIT.usage);
    return withBackend(values['data-dir'], io, context, async (backend) => {
      const tree = await service(() => backend.dispatcher.call('workspace:tree', {}));
      const byId = new Map(tree.entries.map((entry) => [entry.id, entry]));
      const roots = positionals[0] === undefined ? tree.collections.map((id) => byId.get(id)).filter((entry) => entry !== undefined) : [findCollection(tree, positionals[0])];
      const lines: string[] = [];
      const paths: string[] = [];
      const visit = (entry: TreeEntry, depth: number, prefix: string) => {
        const path = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
        if (entry.kind === 'request') {
          lines.push(`${'  '.repeat(depth)}${(entry.method ?? '').padEnd(7)} ${entry.name}`);
          paths.push(path);
          return;
        }
        lines.push(`${'  '.repeat(depth)}${entry.name}/`);
        for (const id of entry.children ?? []) {
          const child = byId.get(id);
          if (child) visit(child, depth + 1, path);
        }
      };
      for (const root of roots) visit(root, 0, '');
      io.out(values.json ? `${JSON.stringify(paths, null, 2)}\n` : `${lines.join('\n')}\n`);
      return EXIT.ok;
    });
  },
};
