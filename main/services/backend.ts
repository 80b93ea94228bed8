import type { AppMode } from '../contract/app.ts';
import { createDispatcher, type Dispatcher, type Handlers } from '../core/dispatcher.ts';
import { createEventBus, type EventBus } from '../core/event-bus.ts';
import type { StoreFactory } from '../platform/store.ts';
import { APP_VERSION } from '../platform/version.ts';
import { createSettingsService } from './settings.ts';

export type BackendOptions = {
  mode: AppMode;
  dataDir: string;
  stores: StoreFactory;
  version?: string;
  log?: (message: string, error?: unknown) => void;
};

/**
 * Every service, wired once. Each door (Electron IPC, the browser-mode host,
 * the CLI) builds one backend and only adapts its transport to it.
 */
export type Backend = {
  dispatcher: Dispatcher;
  bus: EventBus;
  close(): Promise<void>;
};

export function createBackend(options: BackendOptions): Backend {
  const log = options.log ?? (() => {});
  const bus = createEventBus((name, error) => log(`event ${name} did not match the contract`, error));
  const settings = createSettingsService(options.stores, bus);

  const handlers: Handlers = {
    'app:info': () => ({
      name: 'Countersign',
      version: options.version ?? APP_VERSION,
      mode: options.mode,
      dataDir: options.dataDir,
      platform: process.platform,
    }),
    'settings:get': () => settings.get(),
    'settings:set': (patch) => settings.update(patch),
  };

  const dispatcher = createDispatcher(handlers, {
    onInternalError: (channel, error) => log(`channel ${channel} failed`, error),
  });

  return { dispatcher, bus, close: async () => {} };
}
