import type { MenuItemConstructorOptions } from 'electron';

/**
 * The application menu. Electron's default one binds Ctrl/Cmd+W to "Close
 * Window", which would swallow the workbench's own Ctrl/Cmd+W (close the
 * request tab, asking first when it has unsaved changes): the menu takes an
 * accelerator before the page sees the key. So no item here uses Ctrl/Cmd+W,
 * Ctrl/Cmd+K or Ctrl/Cmd+Tab; the window closes from the title bar or with Quit.
 */
export function appMenuTemplate(platform: NodeJS.Platform, packaged: boolean): MenuItemConstructorOptions[] {
  const view: MenuItemConstructorOptions[] = [
    ...(packaged ? [] : ([{ role: 'reload' }, { role: 'toggleDevTools' }, { type: 'separator' }] as const)),
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
  ];
  return [
    ...(platform === 'darwin' ? [{ role: 'appMenu' } as const] : []),
    { label: 'File', submenu: [{ role: 'quit' }] },
    { role: 'editMenu' },
    { label: 'View', submenu: view },
    { label: 'Window', submenu: [{ role: 'minimize' }, ...(platform === 'darwin' ? ([{ role: 'zoom' }, { role: 'front' }] as const) : [])] },
  ];
}
