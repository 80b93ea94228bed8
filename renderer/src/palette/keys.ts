/**
 * The app's keyboard shortcuts in one list: the shortcut list shows it and the
 * handlers follow it. On macOS Cmd stands where Ctrl is written; Ctrl+Tab
 * stays Ctrl (Cmd+Tab belongs to macOS). In browser mode the browser keeps
 * Ctrl+W and Ctrl+Tab for its own tabs, so the Alt keys do the same there.
 */
export type Shortcut = { keys: string[]; what: string; where: string };

export function isMac(): boolean {
  const platform = (navigator as Navigator & { userAgentData?: { platform?: string } }).userAgentData?.platform ?? navigator.platform;
  return /mac|iphone|ipad/i.test(platform);
}

/** The primary modifier as this platform writes it. */
export function modName(mac = isMac()): string {
  return mac ? 'Cmd' : 'Ctrl';
}

/** Ctrl on Linux and Windows, Cmd on macOS: the modifier the app's own shortcuts use. */
export function primaryModifier(event: Pick<KeyboardEvent, 'ctrlKey' | 'metaKey'>, mac = isMac()): boolean {
  return mac ? event.metaKey : event.ctrlKey;
}

export function shortcutList(mac = isMac()): Shortcut[] {
  const mod = modName(mac);
  return [
    { keys: [`${mod}+K`], what: 'Open the command palette: find any request, environment, flow or action', where: 'Everywhere' },
    { keys: ['?'], what: 'Show this list of shortcuts', where: 'Everywhere, outside a text field' },
    { keys: [`${mod}+Enter`], what: 'Send the request in view', where: 'Workbench' },
    { keys: [`${mod}+S`], what: 'Save the request in view', where: 'Workbench' },
    { keys: [`${mod}+W`, 'Alt+W'], what: 'Close the request tab in view (asks first if it has unsaved changes)', where: 'Workbench' },
    { keys: ['Ctrl+Tab', 'Alt+PageDown'], what: 'Next request tab', where: 'Workbench' },
    { keys: ['Ctrl+Shift+Tab', 'Alt+PageUp'], what: 'Previous request tab', where: 'Workbench' },
    { keys: ['Left', 'Right'], what: 'Previous or next tab, when a tab has the focus', where: 'Request tabs' },
    { keys: ['Up', 'Down', 'Home', 'End'], what: 'Move in the request tree', where: 'Request tree' },
    { keys: ['Right', 'Left'], what: 'Open or close a folder; go into it or up to its parent', where: 'Request tree' },
    { keys: ['Enter'], what: 'Open the request (or open and close a folder)', where: 'Request tree' },
    { keys: ['F2'], what: 'Rename in place (Enter keeps, Escape cancels)', where: 'Request tree' },
    { keys: ['Delete'], what: 'Delete (Undo is offered)', where: 'Request tree' },
    { keys: ['Shift+F10'], what: 'The row’s actions menu', where: 'Request tree' },
    { keys: ['a letter'], what: 'Jump to the next row whose name starts with what you type', where: 'Request tree' },
    { keys: ['Escape'], what: 'Close the dialog, menu or palette; the focus goes back where it was', where: 'Dialogs' },
  ];
}
