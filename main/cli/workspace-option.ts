import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ROOT_FILE } from '../workspace/folder/layout.ts';
import type { CliContext } from './context.ts';
import { EXIT } from './exit-codes.ts';
import { CliError } from './io.ts';

export const WORKSPACE_ENV = 'COUNTERSIGN_WORKSPACE';

/**
 * Takes the global `--workspace DIR` (or `--workspace=DIR`) out of the
 * arguments, wherever it stands before a `--`; COUNTERSIGN_WORKSPACE when
 * the option is absent. The folder is resolved against the working directory.
 */
export function takeWorkspaceOption(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): { argv: string[]; workspaceDir: string | undefined } {
  const out: string[] = [];
  let workspaceDir: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--') {
      out.push(...argv.slice(i));
      break;
    }
    if (arg === '--workspace' || arg.startsWith('--workspace=')) {
      const value = arg === '--workspace' ? argv[++i] : arg.slice('--workspace='.length);
      if (value === undefined || value === '' || value.startsWith('--')) throw new CliError('--workspace needs a folder: --workspace DIR.', EXIT.usage);
      workspaceDir = value;
      continue;
    }
    out.push(arg);
  }
  const chosen = workspaceDir ?? (env[WORKSPACE_ENV] === '' ? undefined : env[WORKSPACE_ENV]);
  return { argv: out, workspaceDir: chosen === undefined ? undefined : resolve(chosen) };
}

/** The context every command gets: its backends open the --workspace folder, which must hold a workspace. */
export function withWorkspace(context: CliContext, workspaceDir: string | undefined, command: string | undefined): CliContext {
  if (workspaceDir === undefined) return context;
  // `workspace init` makes the folder; every other command needs one that exists.
  const needsWorkspace = command !== 'workspace';
  return {
    ...context,
    workspaceDir,
    openBackend: (dataDir, explicit) => {
      if (needsWorkspace) requireWorkspaceFolder(workspaceDir);
      return context.openBackend(dataDir, explicit ?? workspaceDir);
    },
  };
}

export function requireWorkspaceFolder(dir: string): void {
  if (!(existsSync(dir) && statSync(dir).isDirectory() && existsSync(join(dir, ROOT_FILE)))) {
    throw new CliError(`${dir} is not a Countersign workspace folder (no ${ROOT_FILE}): make one with "countersign workspace init ${dir}".`, EXIT.usage);
  }
}
