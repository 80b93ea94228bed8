import { parseCommandArgs, type Command } from '../command.ts';
import { EXIT } from '../exit-codes.ts';
import { CliError } from '../io.ts';
import { findCollection } from '../request-path.ts';
import { service } from '../service-errors.ts';
import { withBackend } from '../session.ts';

export const env: Command = {
  summary: 'Show environments, their variables and expected secrets (names only)',
  help: `Usage: countersign env list [collection] [--data-dir DIR] [--json]

Lists each collection's environments: whether it is protected (sending needs
--yes-production), its variables, and the names of the vault secrets it
expects. Secret values are never shown; no vault is needed.

Options:
  --data-dir DIR   data directory (default: COUNTERSIGN_DATA_DIR, then the platform's)
  --json           print JSON instead of text

Examples:
  countersign env list
  countersign env list "MTN MoMo" --json
`,
  async run(args, io, context) {
    const { values, positionals } = parseCommandArgs(args, { 'data-dir': { type: 'string' }, json: { type: 'boolean', default: false } }, true);
    const [action, collectionName, ...extra] = positionals;
    if (action !== 'list' || extra.length > 0) throw new CliError('Usage: countersign env list [collection]', EXIT.usage);
    return withBackend(values['data-dir'], io, context, async (backend) => {
      const tree = await service(() => backend.dispatcher.call('workspace:tree', {}));
      const collections =
        collectionName === undefined ? tree.entries.filter((entry) => entry.kind === 'collection') : [findCollection(tree, collectionName)];
      const report = [];
      for (const collection of collections) {
        const environments = await service(() => backend.dispatcher.call('workspace:environments', { collectionId: collection.id }));
        report.push({
          collection: collection.name,
          environments: environments.map((environment) => ({
            name: environment.name,
            protected: environment.protected,
            variables: environment.variables.filter((variable) => variable.enabled).map(({ name, value }) => ({ name, value })),
            secrets: environment.secrets,
          })),
        });
      }
      if (values.json) {
        io.out(`${JSON.stringify(report, null, 2)}\n`);
        return EXIT.ok;
      }
      for (const { collection, environments } of report) {
        io.out(`${collection}\n`);
        for (const environment of environments) {
          io.out(`  ${environment.name}${environment.protected ? '  (protected: needs --yes-production)' : ''}\n`);
          for (const variable of environment.variables) io.out(`    ${variable.name} = ${variable.value}\n`);
          if (environment.secrets.length > 0) io.out(`    secrets: ${environment.secrets.join(', ')}\n`);
        }
      }
      return EXIT.ok;
    });
  },
};
