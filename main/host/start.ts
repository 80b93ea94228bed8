/**
 * Browser mode (`countersign web`, `npm run web`): serves the built renderer
 * and the contract on 127.0.0.1 and prints the address (with its launch token).
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { createConfStoreFactory } from '../platform/conf-store.ts';
import { resolveDataDir } from '../platform/data-dir.ts';
import { createBackend } from '../services/backend.ts';
import { createSystemClipboard, unlockWithEnvironmentOrPrompt } from '../vault/index.ts';
import { openInBrowser } from './open-browser.ts';
import { startHost } from './server.ts';

const DEFAULT_RENDERER_DIR = fileURLToPath(new URL('../../out/renderer', import.meta.url));

export type WebOptions = { port?: number; dataDir?: string; open?: boolean; rendererDir?: string; /** The CLI's --workspace folder. */ workspaceDir?: string };

export async function runWeb(options: WebOptions): Promise<() => Promise<void>> {
  const rendererDir = options.rendererDir ?? DEFAULT_RENDERER_DIR;
  if (!existsSync(join(rendererDir, 'index.html'))) {
    throw new Error(`The renderer is not built (no ${join(rendererDir, 'index.html')}). Run "npm run build" first.`);
  }
  const dataDir = resolveDataDir(options.dataDir);
  const log = (message: string, error?: unknown) =>
    process.stderr.write(`countersign: ${message}${error instanceof Error ? `: ${error.message}` : ''}\n`);
  const backend = createBackend({
    mode: 'browser',
    dataDir,
    stores: createConfStoreFactory(dataDir, log),
    log,
    clipboard: createSystemClipboard(),
    ...(options.workspaceDir === undefined ? {} : { workspaceDir: options.workspaceDir }),
  });
  await unlockFromEnvironment(backend.vault, log);
  const host = await startHost({ backend, rendererDir, ...(options.port === undefined ? {} : { port: options.port }) });
  process.stdout.write(`Countersign is running in browser mode at ${host.url}\n`);
  process.stdout.write(`Data directory: ${dataDir}\n`);
  if (options.open) openInBrowser(host.url);
  return async () => {
    await host.close();
    await backend.close();
  };
}

/** COUNTERSIGN_PASSPHRASE opens the vault at start; otherwise the page asks for the passphrase. */
async function unlockFromEnvironment(vault: Parameters<typeof unlockWithEnvironmentOrPrompt>[0], log: (message: string) => void): Promise<void> {
  if (!process.env.COUNTERSIGN_PASSPHRASE) return;
  const status = await vault.status();
  if (status.state !== 'locked') return;
  try {
    await unlockWithEnvironmentOrPrompt(vault);
  } catch (error) {
    log(`COUNTERSIGN_PASSPHRASE did not open the vault (${error instanceof Error ? error.message : String(error)}); unlock it in the page.`);
  }
}
