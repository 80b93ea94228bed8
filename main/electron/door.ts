import type * as Electron from 'electron';
import type { Backend } from '../services/backend.ts';
import { closeConnectionPoolsIfOpen } from '../http/pool-lifetime.ts';
import { ipcEventChannel } from '../contract/index.ts';
import { registerContract, trustedSender } from './ipc.ts';
import { APP_SCHEME, APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from './protocol.ts';
import { rendererSource } from './renderer-source.ts';
import type { ElectronSurface } from './surface.ts';
import { guardWebContents, mainWindowOptions } from './window.ts';
import { appMenuTemplate } from './app-menu.ts';

export type DoorOptions = {
  preloadPath: string;
  rendererDir: string;
  /** electron-vite's dev server in `npm run dev`; used only when the app is not packaged (renderer-source.ts). */
  devServerUrl?: string;
  createBackend: () => Backend;
  /** Where start-up notes go (a dev server URL that was ignored); stderr by default. */
  warn?: (message: string) => void;
};

/** Must run before the app is ready: the app scheme needs its privileges registered first. */
export function registerSchemes(electron: Pick<ElectronSurface, 'protocol'>): void {
  electron.protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
}

/**
 * The Electron door: one hardened window, the renderer over the app scheme,
 * the contract over ipcMain. It adapts transport only; the backend holds the logic.
 */
export async function startElectronDoor(electron: ElectronSurface, options: DoorOptions): Promise<void> {
  const { app } = electron;
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  const source = rendererSource(options.devServerUrl, app.isPackaged);
  if (source.ignored) (options.warn ?? ((message: string) => console.error(`countersign: ${message}`)))(`${source.ignored}; loading the built app.`);
  const appOrigin = source.origin;
  let window: Electron.BrowserWindow | null = null;

  app.on('second-instance', () => {
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('web-contents-created', (_event, contents) => {
    guardWebContents(contents, appOrigin, (url) => void electron.shell.openExternal(url));
  });
  app.on('window-all-closed', () => app.quit());

  await app.whenReady();
  electron.Menu.setApplicationMenu(electron.Menu.buildFromTemplate(appMenuTemplate(process.platform, app.isPackaged)));

  const deny = electron.session.defaultSession;
  deny.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  deny.setPermissionCheckHandler(() => false);

  electron.protocol.handle(APP_SCHEME, createAppProtocolHandler(options.rendererDir));

  const backend = options.createBackend();
  registerContract(electron.ipcMain, backend.dispatcher, trustedSender(() => window?.webContents ?? null, appOrigin));
  backend.bus.subscribe((name, payload) => {
    if (window && !window.isDestroyed()) window.webContents.send(ipcEventChannel(name), payload);
  });
  app.on('will-quit', () => void backend.close().finally(() => closeConnectionPoolsIfOpen()));

  window = new electron.BrowserWindow(mainWindowOptions(options.preloadPath));
  window.once('ready-to-show', () => window?.show());
  window.on('closed', () => {
    window = null;
  });
  await window.loadURL(source.url);
}

