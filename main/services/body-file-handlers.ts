import { ServiceError } from '../contract/errors.ts';
import type { Handlers } from '../core/dispatcher.ts';
import { bodyFileFacts } from '../requests/file-body.ts';

/** The desktop app's native Open dialog; null when the user cancelled. */
export type OpenPathChooser = () => Promise<string | null>;

/**
 * Files a request body sends are chosen by path: the desktop app asks with
 * its Open dialog, browser mode has the path typed and checked here. Main
 * reads only metadata now, and the bytes when the request is sent.
 */
export function createBodyFileHandlers(choose: OpenPathChooser | undefined): Pick<Handlers, 'files:choose-body-file' | 'files:body-file-facts'> {
  return {
    'files:choose-body-file': async () => {
      if (!choose) throw new ServiceError('invalid_input', 'There is no file dialog here: type the file\'s full path.');
      return { path: await choose() };
    },
    'files:body-file-facts': ({ path }) => bodyFileFacts(path),
  };
}
