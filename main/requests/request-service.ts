import { randomUUID } from 'node:crypto';
import type { HttpProgress } from '../contract/http.ts';
import { ServiceError } from '../contract/errors.ts';
import type { CurlResult, SendInput, SendResult, SignedPreview, SignResult } from '../contract/requests.ts';
import type { HistoryEntry } from '../contract/history.ts';
import type { DiagnosisInput, DiagnosisReport, VariantsReport } from '../contract/diagnosis.ts';
import { draftHistoryEntry, redactedSummary, type SendRecordDetails } from '../history/history-entry.ts';
import { buildCurlCommand, placeholderReplacer, withPlaceholders } from './curl.ts';
import { Redactor } from '../core/redactor.ts';
import type { CompareExpected } from '../contract/auth.ts';
import type { Environment, RequestNode } from '../contract/workspace.ts';
import { InFlightRequests, type ExecuteOptions } from '../http/index.ts';
import {
  clearRsaKeyCache,
  cryptoNonces,
  signRequest,
  systemClock,
  SigningError,
  TokenCache,
  UnknownVariableError,
  type Clock,
  type NonceSource,
  type SecretSource,
  type SigningDeps,
} from '../signing/index.ts';
import { collectionOf, requireRequest } from '../workspace/document.ts';
import { environmentVariables, requireEnvironment } from '../workspace/environments.ts';
import { toSigningRequest } from '../workspace/to-signing-request.ts';
import type { WorkspaceService } from '../workspace/workspace-service.ts';
import { ChainFailure, sendSigned, signWithExchanges, tokenFetcher, type Execute } from './send-signed.ts';
import { chainFailureResult, SendFailedError, SignFailedError } from './send-failure.ts';
import { preSendFailure } from '../diagnosis/failure.ts';
import { createDiagnosisService } from '../diagnosis/diagnosis-service.ts';
import { shownWire, toWireRequest } from './wire.ts';
import { BodyFileError, buildFileBody } from './file-body.ts';
import { NO_BODY_FILES, type BodyFileRules } from './file-access.ts';
import { curlBodyArguments } from './curl-body.ts';
import { vaultErrorIn } from '../vault/vault-errors.ts';
import { bindSendToHosts, type HostBindingOptions } from '../vault/hosts/send-binding.ts';
import { resolveNetwork, type NetworkOverride } from './network-options.ts';
import { assertResponse } from '../assertions/index.ts';
import { sendSpillFolder, type SpillFolders } from './spill-folder.ts';

export type RequestServiceOptions = {
  workspace: WorkspaceService;
  secrets: SecretSource;
  /** Starts the built-in sandbox if needed and returns its port (sample environments point at it). */
  ensureSandbox: () => Promise<number>;
  downloadsDir: () => string;
  onProgress?: (progress: HttpProgress) => void;
  clock?: Clock;
  nonces?: NonceSource;
  execute?: Execute;
  /** Where each send is recorded (History), redacted but not yet fitted to the file schema (HistoryService.record does that); nothing is recorded when absent. */
  recordSend?: (entry: HistoryEntry) => void;
  /** Told the path of every body saved to a file (not of spilled ones). */
  onSaved?: (path: string) => void;
  /** A private folder per send for bodies too large to preview (spill-files.ts); without it they go to the downloads folder. */
  spill?: SpillFolders;
  /** The process-wide secret ledger: every send's secrets (fetched tokens included) are added to it, for the doors' last check. */
  ledger?: Redactor;
  /** Puts text on the clipboard and clears it after 30 s (the vault's copier); "Copy as curl" with secrets needs it. */
  copyToClipboard?: (text: string) => Promise<void>;
  /** Vault secrets go only to the hosts they are bound to (main/vault/hosts); every request and redirect hop is checked before it is sent. */
  hostBinding?: HostBindingOptions;
  /** Finds a History entry (the signature debugger re-derives its signature); diagnosis of history entries needs it. */
  historyEntry?: (id: string) => HistoryEntry;
  /** The environments whose vault holds a secret of this name: the debugger tries their values as "the wrong environment's secret". */
  secretEnvironments?: (name: string) => readonly string[];
  /** Which local files a body may read (the user's allowed folders); none when absent. */
  bodyFiles?: BodyFileRules;
};

/** Values that replace (or add to) the environment's variables for one send, e.g. the CLI's --var. Main-side only: no channel carries them. */
export type VariableOverrides = Readonly<Record<string, string>>;

/** Main-side extras of a send (flows use them): variable overrides, and saving to the downloads folder without knowing where it is. */
export type InternalSendInput = SendInput & {
  /** A flow run's redactor: it takes every secret this send used, so the run can redact all it shows. */
  redactor?: Redactor | undefined;
  variables?: VariableOverrides | undefined;
  saveToDownloads?: boolean | undefined;
  /** Flows' own folder for this run (`flow --out-dir`), instead of the downloads folder. */
  saveDirectory?: string | undefined;
  /** The UI: nothing goes to the downloads folder unasked; a "save to file" request spills too and is offered "Save as…". */
  keepInSpill?: boolean | undefined;
};

/** A send's result plus the request as it went out, secrets redacted (flows capture from it). */
export type SendOutcome = SendResult & { sent: SignedPreview };

type SaveTarget = NonNullable<ExecuteOptions['save']>;

export type RequestService = {
  send(input: InternalSendInput): Promise<SendOutcome>;
  sign(input: { requestId: string; environmentId: string; compare?: CompareExpected | undefined; variables?: VariableOverrides | undefined }): Promise<SignResult>;
  /** The signed request as a curl command, secrets replaced by placeholders; with includeSecrets main copies the full command itself. */
  curl(input: { requestId: string; environmentId: string; includeSecrets?: true | undefined }): Promise<CurlResult>;
  cancel(sendId: string): { cancelled: boolean };
  /** The signature debugger: compares a sent (or freshly signed) request with what the gateway expected and names the cause. */
  explain(input: DiagnosisInput): Promise<DiagnosisReport>;
  /** The signature under every common variant of its scheme, and which one gives the expected value. */
  variants(input: DiagnosisInput): Promise<VariantsReport>;
  /** The CLI's --proxy/--ca/--insecure for every send of this process (flows included). */
  setNetworkOverride(override: NetworkOverride): void;
  /** Forget tokens and parsed keys, e.g. when the vault locks. */
  forgetCredentials(): void;
  close(): void;
};

/**
 * Sends saved requests: finds the request, its environment and inherited
 * auth in the workspace, signs with secrets from the vault and sends through
 * the executor. Every door (workbench, CLI, flows) sends through here.
 */
export function createRequestService(options: RequestServiceOptions): RequestService {
  const clock = options.clock ?? systemClock;
  const tokens = new TokenCache(clock);
  const inFlight = new InFlightRequests();
  const ledger = options.ledger ?? new Redactor();
  let networkOverride: NetworkOverride = {};
  const bodyFiles = options.bodyFiles ?? NO_BODY_FILES;

  const prepare = async (requestId: string, environmentId: string, overrides: VariableOverrides = {}) => {
    const doc = options.workspace.document;
    const node: RequestNode = requireRequest(doc, requestId);
    const collection = collectionOf(doc, requestId);
    let environment: Environment = requireEnvironment(doc, collection.id, environmentId);
    if (environment.builtInSandbox) {
      options.workspace.retargetBuiltInSandbox(await options.ensureSandbox());
      environment = requireEnvironment(options.workspace.document, collection.id, environmentId);
    }
    const auth = options.workspace.effectiveAuth(requestId);
    return {
      node,
      environment,
      signInput: {
        request: toSigningRequest(node),
        auth,
        environment: { name: environment.name, variables: Object.assign(environmentVariables(environment), overrides) },
      },
    };
  };

  const bindHosts = () => (options.hostBinding ? bindSendToHosts({ source: options.secrets, ...options.hostBinding }) : null);

  // The signature debugger re-derives and diagnoses; it never sends anything.
  const diagnosis = createDiagnosisService({
    secrets: options.secrets,
    secretEnvironments: options.secretEnvironments ?? (() => []),
    historyEntry: options.historyEntry,
    prepare: async (requestId, environmentId) => {
      const { node, signInput } = await prepare(requestId, environmentId);
      return { signInput, label: node.name };
    },
    clock,
    nonces: options.nonces ?? cryptoNonces,
    ledger,
  });

  const signing = (): Omit<SigningDeps, 'fetchToken'> => ({
    clock,
    nonces: options.nonces ?? cryptoNonces,
    secrets: options.secrets,
    tokens,
  });

  return {
    async send(input) {
      const { node, environment, signInput } = await prepare(input.requestId, input.environmentId, input.variables);
      if (environment.protected && input.confirmProtected !== true) {
        throw new ServiceError('forbidden', `${environment.name} is protected: confirm that "${node.name}" should be sent to ${environment.name}.`);
      }
      // Proxy and TLS apply to the request and to its token fetches alike (sendSigned passes the same options on).
      const network = await resolveNetwork(environment, node, options.secrets, networkOverride).catch(asServiceError);
      const sendId = input.sendId ?? randomUUID();
      const signal = inFlight.start(sendId);
      const wantsFile = input.saveToDownloads === true || node.settings?.saveToFile === true;
      // A body nobody asked to save (or the UI's "save to file", which waits for "Save as…") goes to a private spill folder.
      const spill = options.spill && input.save === undefined && (input.keepInSpill === true || !wantsFile) ? sendSpillFolder(options.spill) : null;
      // "Save to file" spills from the first byte; any other body only if it turns out too large to preview.
      const spillFolder = spill !== null && wantsFile ? await spill.get() : null;
      const save: SaveTarget | undefined =
        input.save ??
        (spillFolder !== null && wantsFile
          ? { directory: spillFolder }
          : wantsFile
            ? { directory: input.saveDirectory ?? options.downloadsDir() }
            : undefined);
      const executeOptions: ExecuteOptions = {
        requestId: sendId,
        signal,
        downloadsDir: spill !== null ? spill.get : options.downloadsDir(),
        ...(save ? { save } : {}),
        ...(node.settings?.timeoutMs ? { timeouts: { headersMs: node.settings.timeoutMs } } : {}),
        ...(node.settings?.followRedirects === false ? { maxRedirects: 0 } : {}),
        ...(options.onProgress ? { onProgress: options.onProgress } : {}),
        ...network.options,
        ...(network.secretValues.length > 0 ? { secrets: network.secretValues } : {}),
      };
      const startedAt = clock.now();
      const collection = collectionOf(options.workspace.document, node.id);
      const record = (redactor: Redactor, rest: SendRecordDetails): string | null => {
        if (!options.recordSend) return null;
        const id = randomUUID();
        options.recordSend(
          redactor.redactDeep(draftHistoryEntry({
            id,
            at: startedAt,
            durationMs: Math.max(0, clock.now() - startedAt),
            request: { id: node.id, name: node.name, method: node.method },
            collection: { id: collection.id, name: collection.name },
            environment: { id: environment.id, name: environment.name, protected: environment.protected },
            ...rest,
          })),
        );
        return id;
      };
      let spilled = false;
      try {
        const bound = bindHosts();
        const result = await sendSigned(signInput, bound ? { ...signing(), secrets: bound.secrets } : signing(), executeOptions, bound ? bound.guard(options.execute) : options.execute, bodyFiles).catch((error: unknown) => {
          // A failure before any response is recorded too: its message is redacted already, or replaced when it is not ours.
          if (error instanceof ChainFailure) {
            // The token request went out and was answered (or failed on the network): History keeps that exchange.
            const failedKind = error.outcome !== null && !error.outcome.ok ? error.outcome.error.kind : 'signing';
            const historyId = record(ledger, { summary: null, signingError: error.message, errorKind: failedKind, exchanges: error.exchanges, failure: error.failure });
            throw new SendFailedError(error.message, ledger.redactDeep(chainFailureResult(error, sendId, environment, historyId)));
          }
          const message = error instanceof SigningError ? error.message : 'The send failed before a response.';
          record(ledger, { summary: null, signingError: message, exchanges: [], failure: preSendFailure(message, isConfigurationError(error)) });
          return asServiceError(error);
        });
        const { redactor } = result.signed;
        redactor.addAll(network.secretValues);
        ledger.absorb(redactor);
        input.redactor?.absorb(redactor);
        // Before the record: History keeps whether the send passed. Found values are redacted before they are cut short.
        const assertions = await assertResponse(node.assertions, result.outcome, (text) => redactor.redactText(text));
        const historyId = record(redactor, {
          summary: redactedSummary(shownWire(toWireRequest(result.signed.request, result.files), result.files), redactor),
          outcome: result.outcome,
          exchanges: result.exchanges,
          failure: result.failure,
          signatureInputs: result.signatureInputs,
          assertions,
        });
        const savedPath = result.outcome.ok ? (result.outcome.response.saved?.path ?? null) : null;
        if (spill !== null) spilled = await spill.settle(savedPath);
        if (savedPath !== null && !spilled) options.onSaved?.(savedPath);
        const wire = shownWire(toWireRequest(result.signed.request, result.files), result.files);
        // One walk of everything the send answers (the outcome and traces were walked already; the preview is not).
        return redactor.redactDeep({
          sent: previewOf(wire),
          sendId,
          environment: { id: environment.id, name: environment.name, protected: environment.protected },
          outcome: result.outcome,
          traces: [...result.traces],
          retried: result.retried,
          spilled,
          network: network.facts(wire.url),
          assertions,
          exchanges: result.exchanges,
          failure: result.failure,
          historyId,
        });
      } finally {
        // A send that failed before settling leaves no empty folder behind.
        if (spill !== null) await spill.settle(null);
        inFlight.finish(sendId);
      }
    },

    async curl(input) {
      const { node, environment, signInput } = await prepare(input.requestId, input.environmentId);
      const network = await resolveNetwork(environment, node, options.secrets, networkOverride).catch(asServiceError);
      // Remember which vault name each value came from, so placeholders can name it.
      const named = new Map<string, string>();
      const recording: SecretSource = {
        get: async (environmentName, name) => {
          const value = await options.secrets.get(environmentName, name);
          named.set(name, value);
          return value;
        },
      };
      const bound = options.hostBinding ? bindSendToHosts({ source: recording, ...options.hostBinding }) : null;
      const signed = await signRequest(signInput, {
        ...signing(),
        secrets: bound ? bound.secrets : recording,
        fetchToken: tokenFetcher(network.options, bound ? bound.guard(options.execute) : options.execute),
      }).catch(asServiceError);
      ledger.absorb(signed.redactor);
      // Files stay paths here: curl reads them itself (-F name=@path, --data-binary @path).
      const fileArgs = curlBodyArguments(signed.request.body);
      const wire = fileArgs === null ? toWireRequest(signed.request) : toWireRequest({ ...signed.request, body: { kind: 'none' } });
      const request = {
        method: wire.method,
        url: wire.url,
        // curl -F draws its own boundary and says so in its own Content-Type.
        headers: signed.request.body.kind === 'multipart' ? wire.headers.filter(([name]) => name.toLowerCase() !== 'content-type') : wire.headers,
        body: typeof wire.body === 'string' ? wire.body : null,
        ...(fileArgs === null ? {} : { fileArgs }),
      };
      const command = buildCurlCommand(withPlaceholders(request, placeholderReplacer(named, signed.redactor)));
      if (input.includeSecrets !== true) return { command, copiedWithSecrets: false, warning: null };
      if (!options.copyToClipboard) throw new ServiceError('failed', 'No clipboard is available to main here, so the command with secrets cannot be copied.');
      await options.copyToClipboard(buildCurlCommand(request));
      const where = environment.protected ? ` for ${environment.name} (protected)` : '';
      return {
        command,
        copiedWithSecrets: true,
        warning: `The full command${where}, secrets included, is on the clipboard and will be cleared in 30 seconds. Paste it only where you would type the secrets themselves.`,
      };
    },

    // Sign without sending: the request is not sent, but a token step still fetches its token when none is cached.
    async sign(input) {
      const { node, environment, signInput } = await prepare(input.requestId, input.environmentId, input.variables);
      // A token step still fetches its token here, through the environment's proxy and TLS settings.
      const network = await resolveNetwork(environment, node, options.secrets, networkOverride).catch(asServiceError);
      const bound = bindHosts();
      const sentEnvironment = { id: environment.id, name: environment.name, protected: environment.protected };
      let done: Awaited<ReturnType<typeof signWithExchanges>>;
      try {
        done = await signWithExchanges(signInput, bound ? { ...signing(), secrets: bound.secrets } : signing(), network.options, bound ? bound.guard(options.execute) : options.execute);
      } catch (error) {
        if (!(error instanceof ChainFailure)) return asServiceError(error);
        // The token step failed: say so the way a send does, with the token request as the request shown.
        const token = error.exchanges[error.exchanges.length - 1]?.request;
        // Internal callers (the CLI's trace) see a failure; the requests:sign channel answers with this result instead.
        throw new SignFailedError(error.message, ledger.redactDeep({
          environment: sentEnvironment,
          request: { method: token?.method ?? 'POST', url: token?.url ?? '', headers: token?.headers ?? [], body: token?.bodyPreview ?? '' },
          traces: error.traces,
          compare: null,
          exchanges: error.exchanges,
          failure: error.failure,
          note: `Nothing was sent to the API, but signing needed a token: the token request to ${token?.url ?? 'the token endpoint'} was sent, and it failed.`,
        }));
      }
      const { signed, exchanges } = done;
      ledger.absorb(signed.redactor);
      const tokenUrls = exchanges.filter((exchange) => exchange.sent).map((exchange) => exchange.request?.url ?? '');
      return {
        environment: sentEnvironment,
        request: signed.redactor.redactDeep(previewOf(await signedWire(signed.request, bodyFiles))),
        traces: [...signed.traces],
        compare: input.compare ? signed.compare(input.compare) : null,
        exchanges,
        failure: null,
        note:
          tokenUrls.length === 0
            ? 'Nothing was sent.'
            : `Nothing was sent to the API; signing needed a token, so the token request to ${tokenUrls.join(' and ')} was sent.`,
      };
    },

    explain: (input) => diagnosis.explain(input),
    variants: (input) => diagnosis.variants(input),
    cancel: (sendId) => ({ cancelled: inFlight.cancel(sendId) }),
    setNetworkOverride(override) {
      networkOverride = { ...override };
    },
    forgetCredentials() {
      tokens.clear();
      clearRsaKeyCache();
    },
    close() {
      inFlight.cancelAll();
      tokens.clear();
    },
  };
}

/** The signed request as it would go out, its files read (so their sizes show) but never their bytes. */
async function signedWire(request: Parameters<typeof toWireRequest>[0], bodyFiles: BodyFileRules): Promise<ReturnType<typeof toWireRequest>> {
  const files = await buildFileBody(request.body, bodyFiles).catch(asServiceError);
  return shownWire(toWireRequest(request, files), files);
}

/** The request as it went out, in clear: only ever returned walked by the send's redactor. */
function previewOf(wire: ReturnType<typeof toWireRequest>): SignedPreview {
  return {
    method: wire.method,
    url: wire.url,
    headers: wire.headers.map(([name, value]) => ({ name, value })),
    body: typeof wire.body === 'string' ? wire.body : '',
  };
}

/** An unknown variable, a missing or locked secret, a URL that cannot be used: set-up to fix, not a signature that failed. */
function isConfigurationError(error: unknown): boolean {
  return vaultErrorIn(error) !== null || error instanceof UnknownVariableError || error instanceof BodyFileError || (error instanceof SigningError && /\bURL\b/.test(error.message));
}

/** A signing failure (unknown variable, missing secret, bad key, token refused) is the user's to read: its message is already redacted. */
function asServiceError(error: unknown): never {
  // No vault, locked, missing or damaged: the vault's own error, so the caller can offer Create, Unlock, Add or Restore.
  const fromVault = vaultErrorIn(error);
  if (fromVault) throw fromVault;
  if (error instanceof SigningError) throw new ServiceError('failed', error.message);
  throw error;
}

