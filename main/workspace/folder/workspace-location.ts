import { existsSync, mkdirSync, statSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { ServiceError } from '../../contract/errors.ts';
import type { OpenFolderInput, WorkspaceLocation } from '../../contract/workspace-folder.ts';
import type { StoreFactory } from '../../platform/store.ts';
import { emptyDocument } from '../document.ts';
import { randomIds, type IdSource } from '../ids.ts';
import type { WorkspaceService } from '../workspace-service.ts';
import type { WorkspaceStore } from '../workspace-store.ts';
import { createFolderStore, requestsWithCredentials, type FolderStore } from './folder-store.ts';
import { watchFolder, type FolderWatcher } from './watch-folder.ts';
import type { FileProblem } from './yaml-text.ts';

const RECENT_LIMIT = 10;

type Remembered = { current: string; recent: string[] };

export type WorkspaceLocationOptions = {
  readonly workspace: WorkspaceService;
  /** Where the current folder and the recent list are kept (`workspaces.json` in the data directory). */
  readonly stores: StoreFactory;
  /** The data directory's workspace.json. */
  readonly defaultStore: () => WorkspaceStore;
  /** Reload on changes on disk (the app and browser mode; not the CLI, which lives for one command). */
  readonly watch: boolean;
  readonly ids?: IdSource;
  readonly onReloaded?: (event: { changed: string[]; removed: string[]; problems: FileProblem[] }) => void;
  readonly onLocationChanged?: (location: WorkspaceLocation) => void;
  readonly log?: (message: string, error?: unknown) => void;
};

export type WorkspaceLocationControl = {
  info(): WorkspaceLocation;
  openFolder(input: OpenFolderInput): Promise<WorkspaceLocation>;
  useDefault(): Promise<WorkspaceLocation>;
  forget(path: string): WorkspaceLocation;
  close(): Promise<void>;
};

const isFolderStore = (store: WorkspaceStore): store is FolderStore => (store as Partial<FolderStore>).kind === 'folder';

/**
 * The folder the app and the CLI open when none is named: the one opened
 * last in the app, if it still holds a workspace; otherwise workspace.json.
 * `explicit` (the CLI's --workspace) wins and is not remembered.
 */
export function chooseWorkspaceStore(stores: StoreFactory, defaultStore: () => WorkspaceStore, explicit?: string, ids: IdSource = randomIds): { store: WorkspaceStore; problem: string | null } {
  if (explicit !== undefined) return { store: createFolderStore(resolve(explicit), ids), problem: null };
  const remembered = stores<Remembered>('workspaces', { current: '', recent: [] });
  const current = remembered.get('current');
  if (current === '') return { store: defaultStore(), problem: null };
  if (!existsSync(current)) return { store: defaultStore(), problem: `The workspace folder ${current} is gone; the default workspace is open.` };
  return { store: createFolderStore(current, ids), problem: null };
}

export function createWorkspaceLocation(options: WorkspaceLocationOptions): WorkspaceLocationControl {
  const { workspace } = options;
  const ids = options.ids ?? randomIds;
  const remembered = options.stores<Remembered>('workspaces', { current: '', recent: [] });
  let watcher: FolderWatcher | undefined;

  const info = (): WorkspaceLocation => {
    const store = workspace.store;
    const folder = isFolderStore(store);
    return {
      kind: folder ? 'folder' : 'file',
      path: store.path,
      recent: remembered.get('recent'),
      problems: folder ? [...store.problems()] : [],
      readOnlyReason: workspace.readOnly ? workspace.loadProblem : null,
      watching: watcher !== undefined,
    };
  };

  const announce = (): WorkspaceLocation => {
    const location = info();
    options.onLocationChanged?.(location);
    return location;
  };

  const stopWatching = async () => {
    const current = watcher;
    watcher = undefined;
    await current?.close();
  };

  const startWatching = () => {
    const store = workspace.store;
    if (!options.watch || !isFolderStore(store)) return;
    watcher = watchFolder(store.path, (rel, text) => store.isOwnWrite(rel, text), () => {
      try {
        const { changed, removed } = workspace.reload();
        options.onReloaded?.({ changed, removed, problems: [...store.problems()] });
      } catch (error) {
        options.log?.('the workspace folder could not be read again', error);
      }
    });
  };

  const remember = (path: string) => {
    remembered.set('recent', [path, ...remembered.get('recent').filter((entry) => entry !== path)].slice(0, RECENT_LIMIT));
    remembered.set('current', path);
  };

  startWatching();

  return {
    info,
    async openFolder({ path, create }) {
      if (!isAbsolute(path)) throw new ServiceError('invalid_input', 'Give the workspace folder as a full path.');
      const root = resolve(path);
      if (existsSync(root) && !statSync(root).isDirectory()) throw new ServiceError('invalid_input', `${root} is a file, not a folder.`);
      const store = createFolderStore(root, ids);
      const outcome = store.load();
      if (outcome.kind === 'read-only') throw new ServiceError('invalid_input', outcome.problem);
      if (outcome.kind === 'absent') {
        if (create === undefined) {
          throw new ServiceError('not_found', `${root} holds no workspace yet: start an empty one there, or copy the workspace in use into it.`);
        }
        const doc = create === 'current' ? workspace.document : emptyDocument();
        const refused = requestsWithCredentials(doc);
        if (refused.size > 0) {
          throw new ServiceError('invalid_input', `Nothing was written to ${root}: a credential is typed into ${[...refused.values()].flat().join('; ')}. Move it to the vault first (Export offers it), then try again.`);
        }
        mkdirSync(root, { recursive: true });
        store.save(doc);
      }
      await stopWatching();
      workspace.useStore(createFolderStore(root, ids));
      remember(root);
      startWatching();
      return announce();
    },
    async useDefault() {
      await stopWatching();
      workspace.useStore(options.defaultStore());
      remembered.set('current', '');
      return announce();
    },
    forget(path) {
      remembered.set('recent', remembered.get('recent').filter((entry) => entry !== path));
      return announce();
    },
    close: stopWatching,
  };
}
