import type { ElectronSurface } from '../../main/electron/surface.ts';

type Listener = (...args: unknown[]) => void;

/** Records listeners by event name and lets a test fire them. */
class Emitter {
  readonly listeners = new Map<string, Listener[]>();
  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  once(event: string, listener: Listener): this {
    return this.on(event, listener);
  }
  fire(event: string, ...args: unknown[]): void {
    for (const listener of this.listeners.get(event) ?? []) listener(...args);
  }
}

export class FakeWebContents extends Emitter {
  readonly sent: { channel: string; payload: unknown }[] = [];
  openHandler: ((details: { url: string }) => { action: string }) | null = null;
  readonly mainFrame = { url: 'countersign://app/index.html', parent: null };
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.openHandler = handler;
  }
  send(channel: string, payload: unknown): void {
    this.sent.push({ channel, payload });
  }
}

export class FakeWindow extends Emitter {
  static created: FakeWindow[] = [];
  readonly webContents = new FakeWebContents();
  loadedUrl: string | null = null;
  readonly options: Record<string, unknown>;
  constructor(options: Record<string, unknown>) {
    super();
    this.options = options;
    FakeWindow.created.push(this);
  }
  loadURL(url: string): Promise<void> {
    this.loadedUrl = url;
    return Promise.resolve();
  }
  isDestroyed(): boolean {
    return false;
  }
  isMinimized(): boolean {
    return false;
  }
  restore(): void {}
  focus(): void {}
  show(): void {}
}

export type FakeElectron = {
  surface: ElectronSurface;
  app: Emitter & { quitCalls: number; lock: boolean; isPackaged: boolean };
  handlers: Map<string, (event: unknown, input: unknown) => unknown>;
  schemes: unknown[];
  protocolHandlers: Map<string, (request: Request) => Promise<Response>>;
  permissionRequest: ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void) | null;
  permissionCheck: ((...args: unknown[]) => boolean) | null;
  opened: string[];
  /** The application menu the door set, as its template. */
  menu: unknown[] | null;
};

/** A stand-in for the few parts of electron the door uses; cast once here, where the fake is made. */
export function fakeElectron(options: { lock?: boolean; packaged?: boolean } = {}): FakeElectron {
  FakeWindow.created = [];
  const app = Object.assign(new Emitter(), {
    quitCalls: 0,
    lock: options.lock ?? true,
    // Like `electron .` in development unless a test says packaged.
    isPackaged: options.packaged ?? false,
    requestSingleInstanceLock() {
      return app.lock;
    },
    quit() {
      app.quitCalls++;
    },
    whenReady: () => Promise.resolve(),
    getPath: () => '/tmp/fake-user-data',
    setPath: () => {},
    getVersion: () => '0.0.0-fake',
  });
  const fake: FakeElectron = {
    app,
    handlers: new Map(),
    schemes: [],
    protocolHandlers: new Map(),
    permissionRequest: null,
    permissionCheck: null,
    opened: [],
    menu: null,
    surface: undefined as unknown as ElectronSurface,
  };
  fake.surface = {
    app,
    BrowserWindow: FakeWindow,
    ipcMain: {
      handle: (channel: string, handler: (event: unknown, input: unknown) => unknown) => {
        fake.handlers.set(channel, handler);
      },
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => fake.schemes.push(...schemes),
      handle: (scheme: string, handler: (request: Request) => Promise<Response>) => {
        fake.protocolHandlers.set(scheme, handler);
      },
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (handler: FakeElectron['permissionRequest']) => {
          fake.permissionRequest = handler;
        },
        setPermissionCheckHandler: (handler: FakeElectron['permissionCheck']) => {
          fake.permissionCheck = handler;
        },
      },
    },
    Menu: {
      buildFromTemplate: (template: unknown[]) => template,
      setApplicationMenu: (menu: unknown[] | null) => {
        fake.menu = menu;
      },
    },
    shell: {
      openExternal: (url: string) => {
        fake.opened.push(url);
        return Promise.resolve();
      },
    },
  } as unknown as ElectronSurface;
  return fake;
}
