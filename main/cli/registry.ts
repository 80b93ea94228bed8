import type { Command } from './command.ts';

/**
 * Every command, loaded only when it runs, so `countersign --help` and quick
 * commands start without pulling in undici, the sandbox or React's build.
 */
export const COMMANDS: Readonly<Record<string, { summary: string; load: () => Promise<Command> }>> = {
  run: {
    summary: 'Send a saved request, signed, and print or save the response',
    load: async () => (await import('./commands/run.ts')).run,
  },
  trace: {
    summary: 'Print the signature trace of a saved request without sending it',
    load: async () => (await import('./commands/run.ts')).trace,
  },
  explain: {
    summary: 'Say why a gateway refused a signature (compares a sent request with what it expected)',
    load: async () => (await import('./commands/explain.ts')).explain,
  },
  history: {
    summary: 'List recent sends (ids for "countersign explain")',
    load: async () => (await import('./commands/history.ts')).history,
  },
  'run-collection': {
    summary: 'Send every request of a collection; summary table and JUnit XML',
    load: async () => (await import('./commands/run-collection.ts')).runCollection,
  },
  flow: {
    summary: 'Run a saved flow (several requests in a row) step by step',
    load: async () => (await import('./commands/flow.ts')).flow,
  },
  inbox: {
    summary: 'Listen for gateway callbacks and print each one as it arrives',
    load: async () => (await import('./commands/inbox.ts')).inbox,
  },
  list: {
    summary: 'Show collections, folders and requests',
    load: async () => (await import('./commands/list.ts')).list,
  },
  collection: {
    summary: 'Create, list or remove collections',
    load: async () => (await import('./commands/collection.ts')).collection,
  },
  env: {
    summary: 'Show environments, their variables and expected secrets (names only)',
    load: async () => (await import('./commands/env.ts')).env,
  },
  vault: {
    summary: 'Create the vault and list, set or remove secrets',
    load: async () => (await import('./commands/vault.ts')).vault,
  },
  keygen: {
    summary: 'Generate an RSA key in the vault and export it',
    load: async () => (await import('./commands/keygen.ts')).keygen,
  },
  import: {
    summary: 'Import a Postman collection or a curl command',
    load: async () => (await import('./commands/import.ts')).importCommand,
  },
  workspace: {
    summary: 'Make a workspace folder (files for git) or check one',
    load: async () => (await import('./commands/workspace.ts')).workspace,
  },
  files: {
    summary: 'Choose the folders request bodies may read files from',
    load: async () => (await import('./commands/files.ts')).files,
  },
  export: {
    summary: 'Export a collection to a file',
    load: async () => (await import('./commands/export.ts')).exportCommand,
  },
  sandbox: {
    summary: 'Run the built-in sandbox gateways on 127.0.0.1',
    load: async () => (await import('./commands/sandbox.ts')).sandbox,
  },
  web: {
    summary: 'Start browser mode on 127.0.0.1',
    load: async () => (await import('./commands/web.ts')).web,
  },
};
