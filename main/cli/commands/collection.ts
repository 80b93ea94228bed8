import type { TreeEntry, TreeListing } from '../../contract/workspace.ts';
import type { Backend } from '../../services/backend.ts';
import { parseCommandArgs, type Command } from '../command.ts';
import { EXIT } from '../exit-codes.ts';
import { CliError } from '../io.ts';
import { findCollection } from '../request-path.ts';
import { service } from '../service-errors.ts';
import { withBackend } from '../session.ts';

const OPTIONS = {
  'data-dir': { type: 'string' },
  json: { type: 'boolean', default: false },
  yes: { type: 'boolean', default: false },
} as const;

const USAGE = 'Usage: countersign collection create|list|rm [NAME]';

export const collection: Command = {
  summary: 'Create, list or remove collections',
  help: `Usage: countersign collection create NAME [--data-dir DIR] [--json]
       countersign collection list [--data-dir DIR] [--json]
       countersign collection rm NAME --yes [--data-dir DIR]

create  starts an empty collection with the default environments (see
        "countersign env list NAME"), so a copy of a sample can point at
        another host without exporting and importing. Names are unique: the
        CLI finds collections by name.
list    prints each collection with its number of requests, flows and
        environments.
rm      deletes a collection with its folders, requests, environments and
        flows. Its vault secrets stay. Needs --yes.

No vault is needed.

Options:
  --data-dir DIR   data directory (default: COUNTERSIGN_DATA_DIR, then the platform's)
  --json           print JSON instead of text
  --yes            confirm rm

Examples:
  countersign collection create "PayNet OSP (staging)"
  countersign collection list --json
  countersign collection rm "PayNet OSP (staging)" --yes
`,
  async run(args, io, context) {
    const { values, positionals } = parseCommandArgs(args, OPTIONS, true);
    const [action, name, ...extra] = positionals;
    if (extra.length > 0) throw new CliError(`Give one collection name (quote names with spaces). ${USAGE}`, EXIT.usage);
    if (action === 'list') {
      if (name !== undefined) throw new CliError('collection list takes no name.', EXIT.usage);
    } else if (action === 'create' || action === 'rm') {
      if (name === undefined || name.trim() === '') throw new CliError(`collection ${action} needs a NAME.`, EXIT.usage);
      if (action === 'rm' && !values.yes) throw new CliError(`collection rm deletes "${name}" with everything in it: add --yes to confirm.`, EXIT.usage);
    } else {
      throw new CliError(USAGE, EXIT.usage);
    }
    return withBackend(values['data-dir'], io, context, async (backend) => {
      const tree = await service(() => backend.dispatcher.call('workspace:tree', {}));
      if (action === 'list') {
        const rows = [];
        for (const entry of collectionsOf(tree)) {
          const environments = await environmentNames(backend, entry.id);
          const flows = await service(() => backend.dispatcher.call('flows:list', { collectionId: entry.id }));
          rows.push({ name: entry.name, requests: countRequests(tree, entry), flows: flows.length, environments });
        }
        if (values.json) io.out(`${JSON.stringify(rows, null, 2)}\n`);
        else io.out(rows.length === 0 ? 'No collections.\n' : rows.map((row) => `${row.name}  (${plural(row.requests, 'request')}, ${plural(row.flows, 'flow')}; environments: ${row.environments.join(', ') || 'none'})\n`).join(''));
        return EXIT.ok;
      }
      const wanted = (name ?? '').trim();
      if (action === 'create') {
        if (collectionsOf(tree).some((entry) => entry.name === wanted)) {
          throw new CliError(`There is already a collection "${wanted}": choose another name (the CLI finds collections by name).`, EXIT.usage);
        }
        const created = await service(() => backend.dispatcher.call('workspace:create', { kind: 'collection', name: wanted }));
        const environments = await environmentNames(backend, created.id);
        if (values.json) io.out(`${JSON.stringify({ name: created.name, id: created.id, environments }, null, 2)}\n`);
        else io.out(`Created collection "${created.name}" with environments ${environments.join(', ')}.\n`);
        return EXIT.ok;
      }
      const found = findCollection(tree, wanted);
      const removed = await service(() => backend.dispatcher.call('workspace:delete', { id: found.id }));
      if (values.json) io.out(`${JSON.stringify({ name: found.name, deleted: removed.deleted }, null, 2)}\n`);
      else io.out(`Deleted collection "${found.name}" (${plural(removed.deleted, 'item')}). Its vault secrets are kept.\n`);
      return EXIT.ok;
    });
  },
};

function collectionsOf(tree: TreeListing): TreeEntry[] {
  const byId = new Map(tree.entries.map((entry) => [entry.id, entry]));
  return tree.collections.map((id) => byId.get(id)).filter((entry) => entry !== undefined);
}

function countRequests(tree: TreeListing, root: TreeEntry): number {
  const byId = new Map(tree.entries.map((entry) => [entry.id, entry]));
  let count = 0;
  const visit = (entry: TreeEntry) => {
    if (entry.kind === 'request') count += 1;
    for (const id of entry.children ?? []) {
      const child = byId.get(id);
      if (child) visit(child);
    }
  };
  visit(root);
  return count;
}

async function environmentNames(backend: Backend, collectionId: string): Promise<string[]> {
  const environments = await service(() => backend.dispatcher.call('workspace:environments', { collectionId }));
  return environments.map((environment) => environment.name);
}

function plural(count: number, word: string): string {
  return `${String(count)} ${word}${count === 1 ? '' : 's'}`;
}
