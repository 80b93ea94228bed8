import type { AppMode } from '../contract/app.ts';
import { createDispatcher, type Dispatcher, type Handlers } from '../core/dispatcher.ts';
import { createEventBus, type EventBus } from '../core/event-bus.ts';
import { Redactor } from '../core/redactor.ts';
import type { StoreFactory } from '../platform/store.ts';
import { APP_VERSION } from '../platform/version.ts';
import { createVaultHandlers, createVaultService, type ClipboardLike, type SafeStorageLike, type VaultService } from '../vault/index.ts';
import { watchVaultFile } from '../vault/watch-vault-file.ts';
import { createKeysHandlers } from '../keys/key-handlers.ts';
import { createKeyService, type KeyService } from '../keys/key-service.ts';
import { createVaultKeyStore } from '../keys/vault-key-store.ts';
import { createWorkspaceFileStore } from '../workspace/workspace-store.ts';
import { WorkspaceService } from '../workspace/workspace-service.ts';
import { chooseWorkspaceStore, createWorkspaceLocation } from '../workspace/folder/workspace-location.ts';
import { createWorkspaceFolderHandlers } from '../workspace/folder/folder-handlers.ts';
import { buildSampleWorkspace } from '../workspace/samples/sample-workspace.ts';
import { saveKeyExport } from './key-exports.ts';
import { seedSandboxSecrets } from './sandbox-secrets.ts';
import type { RequestService } from '../requests/request-service.ts';
import { lazyRequestService } from './lazy-requests.ts';
import { SendFailedError, SignFailedError } from '../requests/send-failure.ts';
import { defaultDownloadsDir } from '../platform/downloads-dir.ts';
import { systemFileOpener, type FileOpener } from '../platform/file-opener.ts';
import { createSavedFiles, createSaveAsHandlers, type SavePathChooser } from './saved-files.ts';
import { createBodyFileHandlers, type OpenPathChooser } from './body-file-handlers.ts';
import { createBodyFileAccess } from './body-file-access.ts';
import { withBodyFileWarnings } from './body-file-import-warnings.ts';
import { createSpillFiles } from './spill-files.ts';
import { keyUsers } from './key-usage.ts';
import { createSettingsService } from './settings.ts';
import { createUiLayoutService } from './ui-layout.ts';
import { createWorkspaceHandlers } from './workspace-handlers.ts';
import { createAuthSchemesHandlers } from './auth-schemes-handlers.ts';
import { createOpenApiHandlers } from './openapi-handlers.ts';
import { createSandboxControl } from './sandbox-control.ts';
import { createHistoryFileStore } from '../history/history-file.ts';
import { createHistoryService, type HistoryService } from '../history/history-service.ts';
import { createHistoryHandlers } from '../history/history-handlers.ts';
import { createUnlockOnDemand } from './unlock-on-demand.ts';
import { createCliHandlers } from './cli-handlers.ts';
import { createCommandCopier } from '../requests/command-copier.ts';
import { defaultHostsFor, sandboxHostsOf } from '../vault/hosts/host-names.ts';
import { createFlowHandlers } from '../flows/flow-handlers.ts';
import { createFlowService, type FlowService } from '../flows/flow-service.ts';
import { createInboxService, type InboxService } from '../flows/inbox-service.ts';
import { createSecretChain } from '../secret-providers/chain.ts';
import type { ProcessEnvironment } from '../secret-providers/env-provider.ts';
import { secretProvidersOverview } from '../secret-providers/overview.ts';
import { referencedSecrets } from './referenced-secrets.ts';
import { adoptVaultKeys } from './vault-keys.ts';
import { variableFacts } from './variable-facts.ts';
import { passInstalled } from '../secret-providers/pass-provider.ts';
import { withSecretScope } from './scoped-requests.ts';
import { providerHostRules, providerSecretSource } from '../secret-providers/secret-source.ts';
import { createSendScope } from '../secret-providers/send-scope.ts';

export type BackendOptions = {
  mode: AppMode;
  dataDir: string;
  stores: StoreFactory;
  /** A workspace folder for this backend only (the CLI's --workspace); absent: the folder last opened in the app, else workspace.json. */
  workspaceDir?: string;
  version?: string;
  log?: (message: string, error?: unknown) => void;
  /** Electron's safeStorage; absent in browser mode and the CLI, which open the vault with a passphrase. */
  safeStorage?: SafeStorageLike;
  /** Where "copy" puts a secret: Electron's clipboard, or the system's clipboard tool. */
  clipboard?: ClipboardLike;
  /** Opens saved files: Electron's shell, or the system's openers. */
  fileOpener?: FileOpener;
  /** The default downloads folder (Settings may choose another); the OS downloads folder when absent. */
  downloadsDir?: () => string;
  /** The desktop app's native Save dialog, for "Save as…"; browser mode sends a file name instead. */
  chooseSavePath?: SavePathChooser;
  /** The desktop app's native Open dialog, for a request body's file; browser mode types the path. */
  chooseOpenPath?: OpenPathChooser;
  /** Cheaper key derivation for tests only. */
  vaultTuning?: Pick<Parameters<typeof createVaultService>[0], 'scryptParams' | 'clock' | 'timers'>;
};

/**
 * Every service, wired once. Each door (Electron IPC, the browser-mode host,
 * the CLI) builds one backend and only adapts its transport to it.
 */
export type Backend = {
  dispatcher: Dispatcher;
  bus: EventBus;
  /** Main-only access for the services and doors (the CLI unlocks it; signing reads from it). Never exposed on a channel. */
  vault: VaultService;
  workspace: WorkspaceService;
  keys: KeyService;
  requests: RequestService;
  history: HistoryService;
  flows: FlowService;
  inbox: InboxService;
  /** The CLI's unlock, run when a send first reads a secret instead of before every command (see unlock-on-demand.ts). */
  unlockOnFirstSecret(unlock: () => Promise<void>): void;
  /** The variables the env and pass secret providers read (the CLI's own environment); process.env until set. */
  setSecretProviderEnvironment(env: ProcessEnvironment): void;
  close(): Promise<void>;
};

/** A failure that carries its exchange (a chain that failed at its token step) answers with it rather than with an error. */
function answerWith<R>(failure: new (...args: never[]) => Error & { result: R }): (error: unknown) => R {
  return (error) => {
    if (error instanceof failure) return error.result;
    throw error;
  };
}

export function createBackend(options: BackendOptions): Backend {
  // The process-wide secret ledger: every value the vault hands out, every token and captured secret. The dispatcher and the bus walk all they send with it, and main's log lines pass through it too.
  const ledger = new Redactor();
  const log = (message: string, error?: unknown): void => {
    if (options.log) options.log(ledger.redactText(message), error === undefined ? undefined : ledger.redactError(error));
  };
  const bus = createEventBus((name, error) => log(`event ${name} did not match the contract`, error), ledger);
  const settings = createSettingsService(options.stores, bus, options.downloadsDir ?? defaultDownloadsDir);
  const uiLayout = createUiLayoutService(options.stores);
  // Bodies too large to preview wait here (private, under the data dir) until saved or let go.
  const spill = createSpillFiles(options.dataDir);
  void spill.sweep().catch((error: unknown) => log('old spill files could not be removed', error));
  const vault = createVaultService({
    dataDir: options.dataDir,
    ...(options.safeStorage ? { safeStorage: options.safeStorage } : {}),
    ...(options.clipboard ? { clipboard: options.clipboard } : {}),
    ...options.vaultTuning,
    // A new secret may go where its environment's base URLs point (the built-in sandbox symbolically).
    defaultHosts: (environment) => defaultHostsFor(workspace.document, environment),
    // In the desktop app a backup goes where the native Save dialog says.
    ...(options.chooseSavePath ? { chooseBackupPath: options.chooseSavePath } : {}),
    onSessionEnd: () => {
      requests.forgetCredentials();
      ledger.clear();
    },
    afterSetup: () => seedSandboxSecrets(vault, log),
    onChange: (change) => {
      bus.emit('vault:changed', change);
      if (change.status.state !== 'unlocked') {
        requests.forgetCredentials();
        ledger.clear();
      }
    },
    log,
  });
  // The app and browser mode follow the vault file when another process (the CLI) changes it: unlocked, the session takes
  // the change in and reports it; otherwise the status on disk (created, removed, damaged) is reported here.
  const followVaultOnDisk = async () => {
    await vault.refresh().catch(() => undefined);
    const status = await vault.status();
    if (status.state !== 'unlocked') bus.emit('vault:changed', { reason: status.state === 'damaged' ? 'damaged' : 'secrets', status });
  };
  const vaultWatch =
    options.mode === 'cli' ? null : watchVaultFile({ dataDir: options.dataDir, log, onChange: () => void followVaultOnDisk().catch((error: unknown) => log('could not follow a vault change on disk', error)) });
  const sandbox = createSandboxControl(bus, options.dataDir);
  const chosenStore = chooseWorkspaceStore(options.stores, () => createWorkspaceFileStore(options.dataDir), options.workspaceDir);
  if (chosenStore.problem) log(`workspace: ${chosenStore.problem}`);
  const workspace = new WorkspaceService({
    store: chosenStore.store,
    // The samples point at the sandbox; its real port is filled in whenever it starts.
    firstRun: (ids) => buildSampleWorkspace({ sandboxPort: 0, ids }),
    onChange: (ids) => bus.emit('workspace:changed', { ids }),
  });
  if (workspace.loadProblem) log(`workspace: ${workspace.loadProblem}`);
  // The app and browser mode reload a workspace folder changed on disk; the CLI lives for one command.
  const location = createWorkspaceLocation({
    workspace,
    stores: options.stores,
    defaultStore: () => createWorkspaceFileStore(options.dataDir),
    watch: options.mode !== 'cli',
    onReloaded: (event) => bus.emit('workspace:reloaded', event),
    onLocationChanged: (where) => bus.emit('workspace:location-changed', where),
    log,
  });
  // Body files come only from folders the user allowed (and the workspace folder they opened), never the data folder or secret stores.
  const bodyFileAccess = createBodyFileAccess({
    settings,
    dataDir: options.dataDir,
    workspaceFolder: () => {
      const where = location.info();
      return where.kind === 'folder' ? where.path : null;
    },
  });
  const startSandbox = async () => {
    const status = await sandbox.start();
    if (!status.running) throw new Error('The built-in sandbox did not start.');
    workspace.retargetBuiltInSandbox(status.port);
    return status;
  };
  const unlockOnDemand = createUnlockOnDemand();
  const history = createHistoryService({
    store: createHistoryFileStore(options.dataDir),
    onChange: (count) => bus.emit('history:changed', { count }),
    onWriteError: (error) => log('history could not be saved', error),
    // Reported when history is first read, not at start: a CLI command that never lists history never reads it.
    onLoadProblem: (problem) => log(`history: ${problem}`),
  });
  const commandCopier = createCommandCopier(options.clipboard, (error) => log('clearing the clipboard failed', error));
  const savedFiles = createSavedFiles(options.fileOpener ?? systemFileOpener());
  // {{secret:name}} resolves through the environment's provider chain: the vault, then env variables or pass (main/secret-providers).
  let providerEnvironment: ProcessEnvironment = process.env;
  const sendScope = createSendScope(() => workspace.document);
  const secretChain = createSecretChain({
    vault: {
      exists: async () => (await vault.status()).state !== 'absent',
      get: async (environment, name) => {
        await unlockOnDemand.beforeSecretRead();
        return vault.get(environment, name);
      },
    },
    env: () => providerEnvironment,
  });
  // Loaded on the first send: `countersign list` does not load undici.
  const requests: RequestService = withSecretScope(lazyRequestService({
    workspace,
    // Every value signing takes from the vault or a provider goes into the ledger first.
    secrets: providerSecretSource(sendScope, secretChain, ledger),
    ledger,
    ensureSandbox: async () => (await startSandbox()).port,
    downloadsDir: () => settings.downloadsDir(),
    spill,
    bodyFiles: bodyFileAccess.rules,
    onProgress: (progress) => bus.emit('requests:progress', progress),
    recordSend: (entry) => history.record(entry),
    historyEntry: (id) => history.get(id),
    secretEnvironments: (name) => vault.list({}).secrets.filter((secret) => secret.name === name).map((secret) => secret.environment),
    onSaved: (path) => savedFiles.remember(path),
    ...(commandCopier ? { copyToClipboard: (text: string) => commandCopier.copy(text) } : {}),
    hostBinding: {
      rules: providerHostRules(vault.hostRules, sendScope, (environment) => defaultHostsFor(workspace.document, environment)),
      sandboxHosts: () => sandboxHostsOf(sandbox.status()),
    },
  }), sendScope);
  const keyStore = createVaultKeyStore(vault, options.stores);
  const keys = createKeyService({
    vault: keyStore,
    events: {
      progress: (progress) => bus.emit('keys:generation-progress', progress),
      finished: (finished) => bus.emit('keys:generation-finished', finished),
    },
    usedBy: (environment, name) => keyUsers(workspace.document, environment, name),
  });

  const inbox = createInboxService({
    ledger,
    onEntry: (entry) => bus.emit('inbox:received', entry),
    onChange: (status) => bus.emit('inbox:changed', status),
  });
  const flows = createFlowService({
    workspace,
    requests,
    inbox,
    vault: {
      isUnlocked: async () => (await vault.status()).state === 'unlocked',
      store: async (environment, name, value) => {
        ledger.add(value);
        const exists = vault.list({ environment }).secrets.some((secret) => secret.name === name);
        if (exists) await vault.rotate({ environment, name, value });
        else await vault.add({ environment, name, kind: 'text', value });
      },
    },
    onRunChanged: (state) => bus.emit('flows:run-changed', state),
    log,
  });

  // The name-only lookups (providers overview, referenced secrets, a variable's hover) ask the vault for names, never values.
  const secretLookups = {
    document: () => workspace.document,
    vaultNames: async (environment: string) => {
      const { state } = await vault.status();
      if (state === 'absent') return [];
      return state === 'unlocked' ? vault.list({ environment }).secrets.map((secret) => secret.name) : null;
    },
    env: () => providerEnvironment,
    passInstalled: () => passInstalled(providerEnvironment),
  };
  const saveKey = async (fileName: string, pem: string, directory?: string) => {
    const path = await saveKeyExport(() => settings.downloadsDir())(fileName, pem, directory);
    savedFiles.remember(path);
    return path;
  };

  // One list, one line per channel or per service's own handler set; a later line for a channel replaces an earlier one.
  const handlers: Handlers = {
    'app:info': () => ({ name: 'Countersign', version: options.version ?? APP_VERSION, mode: options.mode, dataDir: options.dataDir, platform: process.platform }),
    'settings:get': () => settings.get(),
    'settings:set': (patch) => settings.update(patch),
    'settings:downloads': () => settings.downloads(),
    'settings:set-downloads': ({ dir }) => settings.setDownloads(dir),
    'settings:layout': () => uiLayout.get(),
    'settings:set-layout': (layout) => uiLayout.set(layout),
    ...createVaultHandlers(vault),
    // The Vault screen's "referenced by your collections" list: names only, nothing decrypted.
    'vault:referenced': ({ environment }) => referencedSecrets(secretLookups, environment),
    'secret-providers:overview': ({ environment }) => secretProvidersOverview(secretLookups, environment),
    // The editor's hover on {{name}}: plain values, dynamic descriptions, secrets by name and provider only.
    'variables:resolve': (input) => variableFacts({ ...secretLookups, ledger }, input),
    'sandbox:status': () => sandbox.status(),
    'sandbox:start': () => startSandbox(),
    'sandbox:stop': () => sandbox.stop(),
    ...createKeysHandlers(keys, saveKey),
    // RSA keys put in the vault some other way (the sample seed, the Vault page, `vault set`) get their public facts first, so every key is listed.
    'keys:list': async ({ environment }) => {
      await adoptVaultKeys({ vault, keyStore, log }, environment);
      return keys.list(environment);
    },
    'keys:test-sign': async (ref) => (await import('./key-test-sign.ts')).testSignWithSandbox(keys, vault, (await startSandbox()).url, ref),
    'files:open': ({ path }) => savedFiles.open(path),
    'files:reveal': ({ path }) => savedFiles.reveal(path),
    ...createSaveAsHandlers({ spill, remember: (path) => savedFiles.remember(path), downloadsDir: () => settings.downloadsDir(), choosePath: options.chooseSavePath }),
    ...createBodyFileHandlers(options.chooseOpenPath, bodyFileAccess),
    ...createWorkspaceHandlers(workspace, vault, ledger),
    ...createAuthSchemesHandlers(),
    // After the workspace's own: its Postman and collection imports also take an OpenAPI document.
    ...createOpenApiHandlers(workspace, vault, ledger),
    ...createWorkspaceFolderHandlers(location),
    // The UI's sends: nothing lands in the downloads folder until the user picks "Save as…".
    // A chain that failed at its token step answers with that exchange (request, answer, trace, cause) rather than an error.
    'requests:send': (input) => requests.send({ ...input, keepInSpill: true }).catch(answerWith(SendFailedError)),
    'requests:sign': (input) => requests.sign(input).catch(answerWith(SignFailedError)),
    'requests:cancel': ({ sendId }) => requests.cancel(sendId),
    'requests:curl': (input) => requests.curl(input),
    'diagnosis:explain': (input) => requests.explain(input),
    'diagnosis:variants': (input) => requests.variants(input),
    ...createHistoryHandlers(history),
    ...createFlowHandlers(flows, inbox),
    // The command line's own channels; the dispatcher refuses them from the window and browser mode.
    ...createCliHandlers({ requests, flows, keys, vault, workspace, dataDir: options.dataDir, env: () => providerEnvironment }),
  };

  // Imports list the local files their bodies read, and which of those are not allowed yet.
  const dispatcher = createDispatcher({ ...handlers, ...withBodyFileWarnings(handlers, workspace, bodyFileAccess.rules) }, {
    ledger,
    onInternalError: (channel, error) => log(`channel ${channel} failed`, error),
  });

  return {
    dispatcher,
    bus,
    vault,
    workspace,
    keys,
    requests,
    history,
    flows,
    inbox,
    unlockOnFirstSecret: (unlock) => unlockOnDemand.set(unlock),
    setSecretProviderEnvironment: (env) => {
      providerEnvironment = env;
    },
    close: async () => {
      vaultWatch?.close();
      flows.close();
      await inbox.close();
      requests.close();
      commandCopier?.dispose();
      keys.close();
      await sandbox.stop();
      await vault.close();
      await spill.clear();
      await history.flush();
      await location.close();
    },
  };
}
