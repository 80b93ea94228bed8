import type { z } from 'zod';
import type { workspaceFolderChannels } from '../../contract/workspace-folder.ts';
import type { WorkspaceLocationControl } from './workspace-location.ts';

type Channels = typeof workspaceFolderChannels;
export type WorkspaceFolderHandlers = {
  [K in keyof Channels]: (input: z.output<Channels[K]['input']>) => Promise<z.output<Channels[K]['output']>> | z.output<Channels[K]['output']>;
};

export function createWorkspaceFolderHandlers(location: WorkspaceLocationControl): WorkspaceFolderHandlers {
  return {
    'workspace:location': () => location.info(),
    'workspace:open-folder': (input) => location.openFolder(input),
    'workspace:use-default': () => location.useDefault(),
    'workspace:forget-recent': ({ path }) => location.forget(path),
  };
}
