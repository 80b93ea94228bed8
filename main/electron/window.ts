import type * as Electron from 'electron';
import { externalLink, isAppUrl } from './navigation.ts';

/** Every security setting of the main window, in one place the tests read. */
export function mainWindowOptions(preloadPath: string): Electron.BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Countersign',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
    },
  };
}

type Contents = Pick<Electron.WebContents, 'on' | 'setWindowOpenHandler'>;

/**
 * Navigation guards for any web contents the app creates: no webviews, no
 * navigation away from the app, no new windows. http(s) links open in the
 * system browser after parsing.
 */
export function guardWebContents(contents: Contents, appOrigin: string, openExternal: (url: string) => void): void {
  contents.on('will-attach-webview', (event) => event.preventDefault());
  const keepInApp = (event: { preventDefault(): void }, url: string) => {
    if (isAppUrl(url, appOrigin)) return;
    event.preventDefault();
    const link = externalLink(url);
    if (link) openExternal(link);
  };
  contents.on('will-navigate', keepInApp);
  contents.on('will-redirect', keepInApp);
  contents.setWindowOpenHandler(({ url }) => {
    const link = externalLink(url);
    if (link) openExternal(link);
    return { action: 'deny' };
  });
}
