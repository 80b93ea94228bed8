import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { emptyDocument } from '../../workspace/document.ts';
import { createFolderStore } from '../../workspace/folder/folder-store.ts';
import { ROOT_FILE } from '../../workspace/folder/layout.ts';
import { readFolder } from '../../workspace/folder/read-folder.ts';
import { randomIds } from '../../workspace/ids.ts';
import type { Backend } from '../../services/backend.ts';
import { parseCommandArgs, type Command } from '../command.ts';
import type { CliContext } from '../context.ts';
import { EXIT } from '../exit-codes.ts';
import { CliError, type CliIo } from '../io.ts';
import { service } from '../service-errors.ts';
import { unlockVault, withBackend } from '../session.ts';

const CONFLICT_MODES = ['replace', 'merge', 'keep-both'] as const;
type ConflictMode = (typeof CONFLICT_MODES)[number];

export const workspace: Command = {
  summary: 'Make a workspace folder (files for git) or check one',
  help: `Usage: countersign workspace init DIR [--from-current] [--from FILE]... [--on-conflict MODE] [--data-dir DIR]
       countersign workspace check DIR

init    makes DIR a workspace folder: one YAML file per collection, folder,
        request, environment and flow, ready to commit (docs/collection-format.md).
        It starts empty, or with --from-current holds a copy of the workspace in
        use (the data directory's workspace.json, or the folder opened in the
        app). --from FILE adds a collection exported with "countersign export"
        (repeat it for several; credentials found go to the vault, as with
        "import collection"). A request with a credential typed into it is
        refused, named, and nothing is written: move it to the vault first
        ("countersign export NAME FILE --move-to-vault").
check   reads DIR and lists every file that cannot be used, with its path and
        line; exit code 5 when there is one, 0 when all read cleanly.

Then use the folder with --workspace DIR on any command, or open it in the
app (Settings, Workspace). The data directory's workspace.json is left as it is.

Options:
  --from-current      copy the workspace in use into DIR
  --from FILE         a countersign.collection file to add (repeatable)
  --on-conflict MODE  for --from files whose collection name is taken: replace, merge or keep-both
  --env E             vault environment for credentials found in --from files (default Sandbox)
  --data-dir DIR      data directory (default: COUNTERSIGN_DATA_DIR, then the platform's)

Examples:
  countersign workspace init ~/src/payments/countersign --from-current
  countersign workspace init ./api --from paynet-osp.countersign.json --from momo.countersign.json
  countersign --workspace ./api run "PayNet OSP/Request a report" --env Sandbox
  countersign workspace check ./api
`,
  async run(args, io, context) {
    const { values, positionals } = parseCommandArgs(
      args,
      {
        'from-current': { type: 'boolean', default: false },
        from: { type: 'string', multiple: true, default: [] },
        'on-conflict': { type: 'string' },
        env: { type: 'string', default: 'Sandbox' },
        'data-dir': { type: 'string' },
      },
      true,
    );
    const [action, dir, ...extra] = positionals;
    if (dir === undefined || extra.length > 0) throw new CliError('Give an action and a folder: "workspace init DIR" or "workspace check DIR".', EXIT.usage);
    const root = resolve(dir);
    if (action === 'check') return check(root, io);
    if (action !== 'init') throw new CliError(`Unknown action "${action ?? ''}": use init or check.`, EXIT.usage);
    const onConflict = conflictMode(values['on-conflict']);
    if (existsSync(join(root, ROOT_FILE))) throw new CliError(`${root} is a workspace folder already; use it with --workspace ${dir}.`, EXIT.usage);
    const files = await Promise.all(
      values.from.map((file) =>
        readFile(file, 'utf8').catch(() => {
          throw new CliError(`Cannot read "${file}".`, EXIT.usage);
        }),
      ),
    );

    // Main writes the copy itself, so the workspace's contents never cross a channel.
    const copy = values['from-current']
      ? await withBackend(values['data-dir'], io, contextWithout(context), (backend) => service(() => backend.dispatcher.call('cli:workspace-to-folder', { dir: root })))
      : undefined;
    if (copy && !copy.written) {
      throw new CliError(
        `Nothing was written: a credential is typed into ${copy.credentialsIn.join('; ')}. Move it to the vault first ("countersign export NAME FILE --move-to-vault"), then run init again.`,
        EXIT.config,
      );
    }
    if (!copy) createFolderStore(root).save(emptyDocument());

    if (files.length > 0) {
      await withBackend(values['data-dir'], io, { ...context, openBackend: (dataDir) => context.openBackend(dataDir, root) }, async (backend) => {
        await unlockIfPresent(backend, io, context);
        for (const [index, text] of files.entries()) {
          const summary = await service(() => backend.dispatcher.call('workspace:import-collection', { text, secretsEnvironment: values.env, ...(onConflict ? { onConflict } : {}) }));
          io.err(`Added ${values.from[index] ?? ''}: ${String(summary.requests)} requests in ${String(summary.folders)} folders.\n`);
          if (summary.secretsStored.length > 0) io.err(`Credentials moved to the vault (${values.env}): ${summary.secretsStored.map((secret) => secret.name).join(', ')}\n`);
          for (const warning of summary.warnings) io.err(`warning: ${warning}\n`);
        }
      });
    }
    const read = readFolder(root, randomIds);
    const count = read.kind === 'loaded' ? read.document : emptyDocument();
    const requests = Object.values(count.nodes).filter((node) => node.kind === 'request').length;
    io.out(`Workspace folder ${root}: ${String(count.collections.length)} collections, ${String(requests)} requests.\n`);
    io.err(`Use it with "countersign --workspace ${dir} ..." or open it in the app (Settings, Workspace). Commit it; *.local.yaml stays out of git.\n`);
    return EXIT.ok;
  },
};

function conflictMode(value: string | undefined): ConflictMode | undefined {
  if (value === undefined) return undefined;
  if ((CONFLICT_MODES as readonly string[]).includes(value)) return value as ConflictMode;
  throw new CliError(`--on-conflict takes replace, merge or keep-both, not "${value}".`, EXIT.usage);
}

/** `--from-current` reads the workspace in use, never the --workspace folder being made. */
function contextWithout(context: CliContext): CliContext {
  return { ...context, openBackend: (dataDir) => context.openBackend(dataDir) };
}

function check(root: string, io: CliIo): number {
  const read = readFolder(root, randomIds);
  if (read.kind === 'absent') throw new CliError(`${root} holds no workspace.`, EXIT.usage);
  if (read.kind === 'refused') throw new CliError(read.problem, EXIT.config);
  for (const problem of read.problems) io.out(`${problem.path}:${String(problem.line)}: ${problem.message}\n`);
  const requests = Object.values(read.document.nodes).filter((node) => node.kind === 'request').length;
  io.err(`${String(read.document.collections.length)} collections, ${String(requests)} requests read; ${String(read.problems.length)} files skipped.\n`);
  return read.problems.length > 0 ? EXIT.config : EXIT.ok;
}

async function unlockIfPresent(backend: Backend, io: CliIo, context: CliContext): Promise<void> {
  if ((await service(() => backend.dispatcher.call('vault:status', {}))).state !== 'absent') await unlockVault(backend, io, context);
}
