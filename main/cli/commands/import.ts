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
  help: `Usage: countersign import FILE [--env E]            (OpenAPI 3, Countersign or Postman: read from the file)
       countersign import openapi FILE [--env E]
       countersign import postman FILE [--env E]
       countersign import collection FILE [--env E]
       countersign import curl '<curl command>' --into <collection[/folder]> [--name N] [--env E]

Postman v2.1 collections and Countersign collection files (from "countersign
export", with their environments and flows) become a new collection; a curl command becomes a
request in the given collection or folder. Credentials found in either go to
the vault under environment E (default "Sandbox"), never into the workspace.

Options:
  --env E          vault environment for credentials found in the import (default Sandbox)
  --into PATH      where a curl import goes: "Collection" or "Collection/Folder"
  --name N         the imported request's name (curl only)
  --data-dir DIR   data directory (default: COUNTERSIGN_DATA_DIR, then the platform's)

Examples:
  countersign import postman ~/Downloads/gateway.postman_collection.json --env UAT
  countersign import collection paynet-osp.countersign.json
  countersign import paynet-osp.openapi.yaml       (OpenAPI 3.0/3.1: folders by tag, servers as environments)
  countersign import curl 'curl -X POST https://api.example.com/pay -d amount=10' --into "My gateway"
`,
  async run(args, io, context) {
    const { values, positionals } = parseCommandArgs(
      args,
      { env: { type: 'string', default: 'Sandbox' }, into: { type: 'string' }, name: { type: 'string' }, 'data-dir': { type: 'string' } },
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
        const summary = await service(() => backend.dispatcher.call(channel, { text, secretsEnvironment: values.env }));
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

/** Credentials in an import go to the vault, so it has to be open; with no vault yet, an import without credentials still works. */
async function unlockIfPresent(backend: Backend, io: CliIo, context: CliContext): Promise<void> {
  if ((await backend.vault.status()).state !== 'absent') await unlockVault(backend, io, context);
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
