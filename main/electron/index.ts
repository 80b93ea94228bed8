/**
 * The Electron main entry. It only gathers the real electron module and the
 * paths and hands them to the door; everything else lives in Node-only code.
 */
import * as electron from 'electron';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { resolveDataDir, DATA_DIR_ENV } from '../platform/data-dir.ts';
import { createBackend, type Backend } from '../services/backend.ts';
import { registerSchemes, startElectronDoor } from './door.ts';
import { createElectronStoreFactory } from './store.ts';

const { values } = parseArgs({ options: { 'data-dir': { type: 'string' } }, strict: false, allowPositionals: true });
const explicitDir = typeof values['data-dir'] === 'string' ? values['data-dir'] : process.env[DATA_DIR_ENV];
if (explicitDir) electron.app.setPath('userData', resolveDataDir(explicitDir));
const dataDir = electron.app.getPath('userData');

const log = (message: string, error?: unknown) => console.error(`countersign: ${message}`, error ?? '');

registerSchemes(electron);
startElectronDoor(electron, {
  preloadPath: fileURLToPath(new URL('../preload/index.cjs', import.meta.url)),
  rendererDir: fileURLToPath(new URL('../renderer', import.meta.url)),
  ...(process.env.ELECTRON_RENDERER_URL ? { devServerUrl: process.env.ELECTRON_RENDERER_URL } : {}),
  createBackend: () =>
    openWithKeyStore(
      createBackend({
        mode: 'electron',
        dataDir,
        stores: createElectronStoreFactory(dataDir, log),
        version: electron.app.getVersion(),
        log,
        safeStorage: electron.safeStorage,
        clipboard: electron.clipboard,
        fileOpener: {
          open: async (path) => {
            const problem = await electron.shell.openPath(path);
            if (problem) throw new Error(problem);
          },
          reveal: (path) => Promise.resolve(electron.shell.showItemInFolder(path)),
        },
        // "Save as…": the native dialog (it asks before replacing a file); main moves the body there.
        chooseSavePath: async (defaultPath) => {
          const parent = electron.BrowserWindow.getFocusedWindow();
          const choice = parent ? await electron.dialog.showSaveDialog(parent, { defaultPath }) : await electron.dialog.showSaveDialog({ defaultPath });
          return choice.canceled || !choice.filePath ? null : choice.filePath;
        },
        // A request body's file (multipart part, binary body): main reads it at send time.
        chooseOpenPath: async () => {
          const parent = electron.BrowserWindow.getFocusedWindow();
          const options: Electron.OpenDialogOptions = { properties: ['openFile'], title: 'Choose the file to send' };
          const choice = parent ? await electron.dialog.showOpenDialog(parent, options) : await electron.dialog.showOpenDialog(options);
          return choice.canceled ? null : (choice.filePaths[0] ?? null);
        },
      }),
    ),
}).catch((error: unknown) => {
  log('failed to start', error);
  electron.app.quit();
});

/** Where the OS key store really protects the vault key, the desktop app opens the vault without asking. */
function openWithKeyStore(backend: Backend): Backend {
  void backend.vault
    .status()
    .then((status) => (status.state === 'locked' && status.protection.safeStorage.inUse ? backend.vault.unlock({}) : undefined))
    .catch((error: unknown) => log('the key store did not open the vault; it asks for the passphrase instead', error));
  return backend;
}
