import { randomUUID } from 'node:crypto';
import { ServiceError } from '../contract/errors.ts';
import type { Flow } from '../contract/flow-model.ts';
import type { CollectionNode, Environment } from '../contract/workspace.ts';
import type { FlowRunState, FlowSummary, FlowView, RunFlowInput, StepDetail } from '../contract/flows.ts';
import type { RequestService } from '../requests/request-service.ts';
import { cryptoNonces, systemClock, UnknownVariableError, VariableResolver, type Clock, type NonceSource } from '../signing/index.ts';
import { requireCollection } from '../workspace/document.ts';
import { environmentVariables, requireEnvironment } from '../workspace/environments.ts';
import { requireFlow } from '../workspace/flows.ts';
import type { WorkspaceService } from '../workspace/workspace-service.ts';
// The runner (and through it jsonpath-plus and node:vm) loads at the first run: most commands run no flow.
import type { RunnerDeps } from './flow-runner.ts';
import type { InboxService } from './inbox-service.ts';

/** The vault as flows use it: a captured secret is added, or replaces the value already there. */
export type FlowVault = {
  isUnlocked(): Promise<boolean>;
  store(environment: string, name: string, value: string): Promise<void>;
};

export type FlowServiceOptions = {
  workspace: WorkspaceService;
  requests: Pick<RequestService, 'send' | 'cancel'>;
  vault: FlowVault;
  inbox: InboxService;
  onRunChanged?: (state: FlowRunState) => void;
  clock?: Clock;
  nonces?: NonceSource;
  sleep?: RunnerDeps['sleep'];
  /** Finished runs kept for step details and re-runs. */
  keepRuns?: number;
  log?: (message: string, error: unknown) => void;
};

type RunRecord = {
  state: FlowRunState;
  controller: AbortController;
  /** Variables just before each step, for "re-run from this step". */
  before: Map<number, Readonly<Record<string, string>>>;
  details: Map<number, StepDetail>;
};

export type FlowService = ReturnType<typeof createFlowService>;

const INBOX_URL = /\{\{\s*\$inboxUrl\s*\}\}/g;
/** Dates a flow's inputs default to (a report for yesterday), as YYYY-MM-DD in UTC; flow variables only. */
const FLOW_DATES = /\{\{\s*\$(today|yesterday)\s*\}\}/g;

/** Main-side extras of a run (the CLI's --out-dir); no channel carries them. */
export type InternalRunInput = RunFlowInput & { saveDirectory?: string | undefined };

export function createFlowService(options: FlowServiceOptions) {
  const clock = options.clock ?? systemClock;
  const nonces = options.nonces ?? cryptoNonces;
  const keepRuns = options.keepRuns ?? 20;
  const runs = new Map<string, RunRecord>();
  const starting = new Set<string>();

  const forget = () => {
    for (const [runId, record] of runs) {
      if (runs.size <= keepRuns) break;
      if (record.state.status !== 'running') runs.delete(runId);
    }
  };

  const requestNames = (flow: Flow): Record<string, { name: string; method: string; url: string }> => {
    const names: Record<string, { name: string; method: string; url: string }> = {};
    for (const step of flow.steps) {
      if (step.kind !== 'request') continue;
      const node = options.workspace.document.nodes[step.requestId];
      if (node?.kind === 'request') names[step.requestId] = { name: node.name, method: node.method, url: node.url };
    }
    return names;
  };

  /** The flow's start values: dynamic values drawn once, {{$inboxUrl}} the inbox's address, `{{name}}` from the environment or an earlier flow variable. */
  const startVariables = async (flow: Flow, environmentName: string, env: Record<string, string>): Promise<Record<string, string>> => {
    const values: Record<string, string> = {};
    for (const variable of flow.variables) {
      let text = variable.value.replace(FLOW_DATES, (_all, day: string) => utcDate(clock.now() - (day === 'yesterday' ? 86_400_000 : 0)));
      if (/\{\{\s*\$inboxUrl\s*\}\}/.test(text)) {
        const inbox = await options.inbox.ensure();
        text = text.replace(INBOX_URL, inbox.url);
      }
      const resolver = new VariableResolver({
        environment: environmentName,
        variables: { ...env, ...values },
        secrets: { get: () => Promise.reject(new Error('no secrets in flow variables')) },
        clock,
        nonces,
      });
      try {
        values[variable.name] = await resolver.resolve(text);
      } catch (error) {
        const why = error instanceof UnknownVariableError ? error.message : 'it could not be resolved';
        throw new ServiceError('failed', `The flow variable ${variable.name} has no value: ${why}`);
      }
    }
    return values;
  };

  return {
    list(collectionId?: string): FlowSummary[] {
      const doc = options.workspace.document;
      const ids = collectionId === undefined ? doc.collections : [requireCollection(doc, collectionId).id];
      return ids.flatMap((id) => {
        const collection = requireCollection(doc, id);
        return collection.flows.map((flow) => ({
          id: flow.id,
          name: flow.name,
          description: flow.description,
          collectionId: collection.id,
          collectionName: collection.name,
          steps: flow.steps.length,
        }));
      });
    },

    view(collectionId: string, flowId: string): FlowView {
      const { collection, flow } = requireFlow(options.workspace.document, collectionId, flowId);
      return {
        collectionId: collection.id,
        collectionName: collection.name,
        flow,
        requests: requestNames(flow),
        environments: collection.environments.map((env) => ({ id: env.id, name: env.name, protected: env.protected })),
      };
    },

    save: (collectionId: string, flow: Flow): Flow => options.workspace.saveFlow(collectionId, flow),

    delete(collectionId: string, flowId: string): FlowSummary[] {
      options.workspace.deleteFlow(collectionId, flowId);
      return this.list();
    },

    async run(input: InternalRunInput): Promise<FlowRunState> {
      const doc = options.workspace.document;
      const { collection, flow } = requireFlow(doc, input.collectionId, input.flowId);
      const environment = requireEnvironment(doc, collection.id, input.environmentId);
      if (environment.protected && input.confirmProtected !== true) {
        throw new ServiceError('forbidden', `${environment.name} is protected: confirm that "${flow.name}" should run against ${environment.name}.`);
      }
      const runId = input.runId ?? randomUUID();
      if (runs.get(runId)?.state.status === 'running' || starting.has(runId)) throw new ServiceError('conflict', 'A run with this id is still going.');
      // Claimed before the first await, so a second run with this id is refused while this one resolves its variables.
      starting.add(runId);
      try {
        return await this.runClaimed(input, runId, collection, flow, environment);
      } finally {
        starting.delete(runId);
      }
    },

    async runClaimed(input: InternalRunInput, runId: string, collection: CollectionNode, flow: Flow, environment: Environment): Promise<FlowRunState> {
      const env = environmentVariables(environment);

      let fromStep = 0;
      let variables: Record<string, string>;
      if (input.rerun) {
        const earlier = runs.get(input.rerun.runId);
        const before = earlier?.before.get(input.rerun.fromStep);
        if (earlier?.state.flowId !== flow.id || before === undefined) {
          throw new ServiceError('not_found', 'That run or step is no longer kept (runs are kept until the app closes, the last 20): run the flow from the start.');
        }
        if (earlier.state.environment.id !== environment.id) {
          throw new ServiceError('invalid_input', `That run used ${earlier.state.environment.name}; a re-run from a step keeps its environment.`);
        }
        fromStep = input.rerun.fromStep;
        variables = { ...before };
      } else {
        variables = await startVariables(flow, environment.name, env);
      }
      Object.assign(variables, input.variables ?? {});

      const record: RunRecord = {
        state: {
          runId,
          flowId: flow.id,
          flowName: flow.name,
          collectionId: collection.id,
          environment: { id: environment.id, name: environment.name, protected: environment.protected },
          status: 'running',
          message: null,
          startedAt: clock.now(),
          finishedAt: null,
          variables: [],
          steps: [],
        },
        controller: new AbortController(),
        before: new Map(),
        details: new Map(),
      };
      runs.set(runId, record);
      forget();

      const names = Object.fromEntries(Object.entries(requestNames(flow)).map(([id, request]) => [id, request.name]));
      const { runFlow } = await import('./flow-runner.ts');
      const final = await runFlow(
        {
          runId,
          flow,
          collectionId: collection.id,
          environment: record.state.environment,
          environmentVariables: env,
          variables,
          fromStep,
          confirmProtected: input.confirmProtected === true,
          requestNames: names,
          saveDirectory: input.saveDirectory,
        },
        {
          requests: options.requests,
          storeSecret: async (environmentName, name, value) => {
            if (!(await options.vault.isUnlocked())) throw new ServiceError('locked', `The vault is locked: unlock it so ${name} can be stored.`);
            await options.vault.store(environmentName, name, value);
            if (!environment.secrets.includes(name)) options.workspace.updateEnvironment(collection.id, environment.id, { secrets: [...environment.secrets, name] });
          },
          setEnvironmentVariable: (name, value) => options.workspace.setEnvironmentVariable(collection.id, environment.id, name, value),
          inbox: () => options.inbox.ensure(),
          now: () => clock.now(),
          sleep: options.sleep ?? abortableSleep,
          ...(options.log ? { log: options.log } : {}),
        },
        {
          changed: (state) => {
            record.state = state;
            options.onRunChanged?.(state);
          },
          beforeStep: (index, values) => record.before.set(index, values),
          detail: (index, detail) => record.details.set(index, detail),
        },
        record.controller.signal,
      );
      record.state = final;
      return final;
    },

    cancel(runId: string): { cancelled: boolean } {
      const record = runs.get(runId);
      if (record?.state.status !== 'running') return { cancelled: false };
      record.controller.abort();
      return { cancelled: true };
    },

    runs: (): FlowRunState[] => [...runs.values()].map((record) => record.state).reverse(),

    stepDetail(runId: string, index: number): StepDetail {
      const record = runs.get(runId);
      if (!record) throw new ServiceError('not_found', 'That run is no longer kept.');
      return record.details.get(index) ?? { kind: 'none' };
    },

    close(): void {
      for (const record of runs.values()) record.controller.abort();
    },
  };
}

function utcDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) {
      resolve();
      return;
    }
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
  });
}
