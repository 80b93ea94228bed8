import { readFile } from 'node:fs/promises';
import type { Backend } from '../../services/backend.ts';
import { parseCommandArgs, type Command } from '../command.ts';
import type { CliContext } from '../context.ts';
import { EXIT } from '../exit-codes.ts';
import { CliError, type CliIo } from '../io.ts';
import { findContainer } from '../request-path.ts';
import { withDetectedFormat } from '../import-format.ts';
import { service } from '../service-errors.ts';
import { unlockVault, withBackend } from '../session.ts';

export const importCommand: Command = {
  summary: 'Import a Postman collection, a Countersign collection file or a curl command',
  help: `Usage: countersign import FILE [--env E] [--on-conflict MODE]   (OpenAPI 3, Countersign or Postman: read from the file)
       countersign import openapi FILE [--env E] [--on-conflict MODE]
       countersign import postman FILE [--env E] [--on-conflict MODE]
       countersign import collection FILE [--env E] [--on-conflict MODE]
       countersign import curl '<curl command>' --into <collection[/folder]> [--name N] [--env E]

Postman v2.1 collections and Countersign collection files (from "countersign
export", with their environments and flows) become a new collection; a curl command becomes a
request in the given collection or folder. Credentials found in either go to
the vault under environment E (default "Sandbox"), never into the workspace.

When the workspace already has a collection of the same name, a Postman,
collection or OpenAPI import changes nothing and says so, unless --on-conflict says what to do:
  replace    the import replaces its folders, requests, flows and auth; items
             matched by name keep their ids (open tabs, history, file names)
  merge      the import's items update the ones of the same name, new ones are
             added, the others stay
  keep-both  the import is added as "NAME (2)"
Environments are merged in every mode: the import's variables win, the others
stay, and a protected environment stays protected.

Options:
  --env E          vault environment for credentials found in the import (default Sandbox)
  --into PATH      where a curl import goes: "Collection" or "Collection/Folder"
  --name N         the imported request's name (curl only)
  --on-conflict M  replace, merge or keep-both when the collection's name is taken
  --data-dir DIR   data directory (default: COUNTERSIGN_DATA_DIR, then the platform's)

Examples:
  countersign import postman ~/Downloads/gateway.postman_collection.json --env UAT
  countersign import collection paynet-osp.countersign.json
  countersign import collection paynet-osp.countersign.json --on-conflict merge
  countersign import paynet-osp.openapi.yaml       (OpenAPI 3.0/3.1: folders by tag, servers as environments)
  countersign import curl 'curl -X POST https://api.example.com/pay -d amount=10' --into "My gateway"
`,
  async run(args, io, context) {
    const { values, positionals } = parseCommandArgs(
      args,
      { env: { type: 'string', default: 'Sandbox' }, into: { type: 'string' }, name: { type: 'string' }, 'on-conflict': { type: 'string' }, 'data-dir': { type: 'string' } },
      true,
    );
    const [format, source, ...extra] = await withDetectedFormat(positionals);
    if (source === undefined || extra.length > 0) throw new CliError('Give what to import: "postman FILE", "collection FILE" or "curl \'<command>\'" (quoted).', EXIT.usage);
    if (format === 'postman' || format === 'collection' || format === 'openapi') {
      const text = await readFile(source, 'utf8').catch(() => {
        throw new CliError(`Cannot read "${source}".`, EXIT.usage);
      });
      const channel = format === 'postman' ? 'workspace:import-postman' : format === 'openapi' ? 'workspace:import-openapi' : 'workspace:import-collection';
      return withBackend(values['data-dir'], io, context, async (backend) => {
        await unlockIfPresent(backend, io, context);
        const summary = await importWithConflictMode(backend, channel, text, values.env, values['on-conflict']);
        io.err(`Imported ${summary.requests} requests in ${summary.folders} folders.\n`);
        reportSecretsAndWarnings(io, values.env, summary.secretsStored, summary.warnings);
        reportDroppedScripts(io, summary.droppedScripts ?? []);
        return EXIT.ok;
      });
    }
    if (format === 'curl') {
      const into = values.into;
      if (into === undefined) throw new CliError('--into <collection[/folder]> is required for a curl import.', EXIT.usage);
      return withBackend(values['data-dir'], io, context, async (backend) => {
        const parent = findContainer(await service(() => backend.dispatcher.call('workspace:tree', {})), into);
        await unlockIfPresent(backend, io, context);
        const result = await service(() =>
          backend.dispatcher.call('workspace:import-curl', {
            command: source,
            parentId: parent.id,
            secretsEnvironment: values.env,
            ...(values.name === undefined ? {} : { name: values.name }),
          }),
        );
        io.err(`Imported "${result.request.name}" into ${into}.\n`);
        reportSecretsAndWarnings(io, values.env, result.secretsStored, result.warnings);
        return EXIT.ok;
      });
    }
    throw new CliError(`Unknown import format "${format ?? ''}": use postman, collection or curl.`, EXIT.usage);
  },
};

/** A Postman or collection import; a same-named collection is refused unless `onConflict` says what to do. */
async function importWithConflictMode(backend: Backend, channel: 'workspace:import-postman' | 'workspace:import-collection' | 'workspace:import-openapi', text: string, secretsEnvironment: string, onConflict: string | undefined) {
  if (onConflict !== undefined && onConflict !== 'replace' && onConflict !== 'merge' && onConflict !== 'keep-both') {
    throw new CliError(`--on-conflict takes replace, merge or keep-both, not "${onConflict}".`, EXIT.usage);
  }
  try {
    return await service(() => backend.dispatcher.call(channel, { text, secretsEnvironment, ...(onConflict === undefined ? {} : { onConflict }) }));
  } catch (error) {
    // The service's refusal names the choices; the flag that makes them is the CLI's to say.
    if (error instanceof CliError && onConflict === undefined && error.message.includes('already exists')) {
      throw new CliError(`${error.message} Run again with --on-conflict replace, merge or keep-both.`, EXIT.usage);
    }
    throw error;
  }
}

/** Credentials in an import go to the vault, so it has to be open; with no vault yet, an import without credentials still works. */
async function unlockIfPresent(backend: Backend, io: CliIo, context: CliContext): Promise<void> {
  if ((await service(() => backend.dispatcher.call('vault:status', {}))).state !== 'absent') await unlockVault(backend, io, context);
}

/** Postman scripts are not run: say which were left out, by request, so the user can redo them as auth or flow steps. */
function reportDroppedScripts(io: CliIo, dropped: readonly { request: string; kinds: readonly string[] }[]): void {
  if (dropped.length === 0) return;
  io.err('Scripts left out (Countersign runs no scripts; signing and captures are auth schemes and flow steps):\n');
  for (const entry of dropped) io.err(`  ${entry.request}: ${entry.kinds.map((kind) => (kind === 'prerequest' ? 'pre-request' : 'test')).join(', ')}\n`);
}

function reportSecretsAndWarnings(io: CliIo, environment: string, secrets: readonly { name: string }[], warnings: readonly string[]): void {
  if (secrets.length > 0) io.err(`Credentials moved to the vault (${environment}): ${secrets.map((secret) => secret.name).join(', ')}\n`);
  for (const warning of warnings) io.err(`warning: ${warning}\n`);
}
