import type { Command } from './command.ts';

/**
 * Every command, loaded only when it runs, so `countersign --help` and quick
 * commands start without pulling in undici, the sandbox or React's build.
 */
export const COMMANDS: Readonly<Record<string, { summary: string; load: () => Promise<Command> }>> = {
  sandbox: {
    summary: 'Run the built-in sandbox gateways on 127.0.0.1',
    load: async () => (await import('./commands/sandbox.ts')).sandbox,
  },
  web: {
    summary: 'Start browser mode on 127.0.0.1',
    load: async () => (await import('./commands/web.ts')).web,
  },
};
