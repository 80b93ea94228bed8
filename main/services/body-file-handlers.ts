import { ServiceError } from '../contract/errors.ts';
import type { Handlers } from '../core/dispatcher.ts';
import { bodyFileFacts } from '../requests/file-body.ts';
import type { BodyFileAccessService } from './body-file-access.ts';

/** The desktop app's native Open dialog; null when the user cancelled. */
export type OpenPathChooser = () => Promise<string | null>;

/**
 * Files a request body sends are chosen by path: the desktop app asks with
 * its Open dialog, browser mode has the path typed and checked here. Main
 * reads only metadata now, and the bytes when the request is sent, only from
 * what the user allowed.
 */
export function createBodyFileHandlers(
  choose: OpenPathChooser | undefined,
  access: BodyFileAccessService,
): Pick<Handlers, 'files:choose-body-file' | 'files:body-file-facts' | 'files:body-file-folders' | 'files:allow-body-folder' | 'files:forget-body-folder'> {
  return {
    'files:choose-body-file': async () => {
      if (!choose) throw new ServiceError('invalid_input', 'There is no file dialog here: type the file\'s full path.');
      const path = await choose();
      // Picking a file in the system's own dialog is the user's explicit choice (the page cannot make it): that one file is allowed.
      if (path !== null) await access.allow(path);
      return { path };
    },
    'files:body-file-facts': ({ path }) => bodyFileFacts(path, access.rules),
    'files:body-file-folders': () => access.list(),
    'files:allow-body-folder': ({ path }) => access.allow(path),
    'files:forget-body-folder': ({ path }) => access.forget(path),
  };
}
