import type * as Electron from 'electron';

/**
 * The part of the electron module this door uses. index.ts passes the real
 * module (so the compiler checks it against electron.d.ts); tests pass a fake.
 */
export type ElectronSurface = {
  app: Pick<Electron.App, 'requestSingleInstanceLock' | 'quit' | 'on' | 'whenReady' | 'getPath' | 'setPath' | 'getVersion' | 'isPackaged'>;
  BrowserWindow: new (options: Electron.BrowserWindowConstructorOptions) => Electron.BrowserWindow;
  ipcMain: Pick<Electron.IpcMain, 'handle'>;
  protocol: Pick<Electron.Protocol, 'handle' | 'registerSchemesAsPrivileged'>;
  session: { defaultSession: Pick<Electron.Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'> };
  shell: Pick<Electron.Shell, 'openExternal' | 'openPath' | 'showItemInFolder'>;
  safeStorage: Pick<Electron.SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString' | 'getSelectedStorageBackend'>;
  clipboard: Pick<Electron.Clipboard, 'readText' | 'writeText'>;
  Menu: Pick<typeof Electron.Menu, 'buildFromTemplate' | 'setApplicationMenu'>;
};
