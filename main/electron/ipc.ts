import type * as Electron from 'electron';
import { channelNames } from '../contract/index.ts';
import type { Envelope } from '../contract/errors.ts';
import type { Dispatcher } from '../core/dispatcher.ts';
import { isAppUrl } from './navigation.ts';

export type SenderCheck = (event: Electron.IpcMainInvokeEvent) => boolean;

const FORBIDDEN: Envelope<never> = {
  ok: false,
  error: { code: 'forbidden', message: 'This window is not allowed to call Countersign.' },
};

/**
 * One ipcMain.handle per contract channel. The sender is checked before
 * anything else; the dispatcher then parses the input with the channel's
 * schema before the handler runs.
 */
export function registerContract(ipcMain: Pick<Electron.IpcMain, 'handle'>, dispatcher: Dispatcher, isTrusted: SenderCheck): void {
  for (const name of channelNames) {
    ipcMain.handle(name, (event, input: unknown) => {
      if (!isTrusted(event)) return FORBIDDEN;
      return dispatcher.invoke(name, input, { door: 'electron' });
    });
  }
}

/** Trusted: the app window's own top frame, showing the app's own origin. */
export function trustedSender(getContents: () => Electron.WebContents | null, appOrigin: string): SenderCheck {
  return (event) => {
    const contents = getContents();
    if (!contents || event.sender !== contents) return false;
    const frame = event.senderFrame;
    if (!frame || frame.parent !== null) return false;
    return isAppUrl(frame.url, appOrigin);
  };
}
