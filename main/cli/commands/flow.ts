import { randomUUID } from 'node:crypto';
import { mkdir, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { FlowRunState, FlowSummary, StepFailureKind, StepState } from '../../contract/flows.ts';
import { parseCommandArgs, type Command } from '../command.ts';
import type { CliContext } from '../context.ts';
import { findEnvironment, parseVariableOverrides, requireProductionConsent } from '../environment.ts';
import { EXIT } from '../exit-codes.ts';
import { CliError, type CliIo } from '../io.ts';
import { assertionLines } from '../assertion-report.ts';
import { writeJunitFile, type CaseResult } from '../junit.ts';
import { formatBytes } from '../outcome.ts';
import { progressLine } from '../progress-bar.ts';
import { service } from '../service-errors.ts';
import { withBackend } from '../session.ts';
import { unlockUnlessAbsent } from '../vault-optional.ts';
import { NETWORK_OVERRIDE_HELP, NETWORK_OVERRIDE_OPTIONS, applyNetworkOverrides } from './env-overrides.ts';

const OPTIONS = {
  env: { type: 'string' },
  var: { type: 'string', multiple: true },
  'out-dir': { type: 'string' },
  junit: { type: 'string' },
  'data-dir': { type: 'string' },
  'yes-production': { type: 'boolean', default: false },
  json: { type: 'boolean', default: false },
  ...NETWORK_OVERRIDE_OPTIONS,
} as const;

export const flow: Command = {
  summary: 'Run a saved flow (several requests in a row) step by step',
  help: `Usage: countersign flow <collection>/<flow> --env NAME [options]
       countersign flow                 (lists the flows)

Runs the flow's steps in order against the environment: each step's status
goes to stderr as it happens (polls, waits for a callback, download progress),
and a summary with the flow's variables and saved files ends the run.
Callback steps start the callback inbox on 127.0.0.1 for the run.
Unlocks the vault with COUNTERSIGN_PASSPHRASE or asks.

Options:
  --env NAME          the environment to run against (required)
  --var NAME=VALUE    a start value for a flow variable (repeatable); the flow's
                      inputs and their defaults are listed by "countersign flow"
  --out-dir DIR       where "save to file" steps write (created if missing);
                      default: the downloads folder chosen in Settings
  --junit FILE        write a JUnit XML report: one test case per step that ran,
                      one per assertion of its request
  --data-dir DIR      data directory (default: COUNTERSIGN_DATA_DIR, then the platform's)
  --yes-production    required to run against a protected environment
  --json              print the final run (every step, captures, saved files) as JSON
${NETWORK_OVERRIDE_HELP}

Exit codes, from the failing step: 0 every step succeeded, 3 an HTTP status
outside 2xx, 4 no answer or a poll/callback wait that timed out, 5 signing,
configuration or a value a capture did not find, 6 protected environment
without --yes-production, 7 a step's assertions failed, 2 usage, 130 stopped with Ctrl+C (the run is
cancelled first, so no partial download is left behind).

Examples:
  countersign flow "PayNet OSP/Download report" --env Sandbox
  countersign flow "PayNet OSP/Download report" --env UAT --var reportType=transactions \
      --var dateFrom=2026-11-01 --var dateTo=2026-11-30 --out-dir ./reports
  countersign flow "MTN MoMo/Provision sandbox API user" --env Sandbox --json
`,
  async run(args: string[], io: CliIo, context: CliContext): Promise<number> {
    const { values, positionals } = parseCommandArgs(args, OPTIONS, true);
    const [path, ...extra] = positionals;
    if (extra.length > 0) throw new CliError('Give one flow as "<collection>/<flow>" (quote it).', EXIT.usage);
    return withBackend(values['data-dir'], io, context, async (backend) => {
      const flows = await service(() => backend.dispatcher.call('flows:list', {}));
      if (path === undefined) {
        if (flows.length === 0) io.out('No flows.\n');
        for (const item of flows) {
          io.out(`${item.collectionName}/${item.name}  (${String(item.steps)} steps)\n`);
          const view = await service(() => backend.dispatcher.call('flows:get', { collectionId: item.collectionId, flowId: item.id }));
          for (const variable of view.flow.variables) io.out(`    --var ${variable.name}=…  (default: ${variable.value === '' ? '""' : variable.value})\n`);
        }
        return EXIT.ok;
      }
      if (values.env === undefined) throw new CliError('--env NAME is required.', EXIT.usage);
      const outDir = values['out-dir'] === undefined ? undefined : await prepareOutDir(values['out-dir']);
      const found = findFlow(flows, path);
      const environment = await findEnvironment(backend, found.collectionId, values.env);
      requireProductionConsent(environment, values['yes-production']);
      await applyNetworkOverrides(backend, values, io, environment);
      await unlockUnlessAbsent(backend, io, context);

      const runId = randomUUID();
      const printer = stepPrinter(io);
      // direct call: each step's state streams through the bus while the run's channel call is still open.
      const unsubscribe = backend.bus.subscribe((name, payload) => {
        if (name === 'flows:run-changed' && 'runId' in payload && payload.runId === runId) printer.state(payload);
        if (name === 'requests:progress' && 'requestId' in payload) printer.progress(payload.requestId, progressLine(payload));
      });
      // Ctrl+C cancels the run, so a download in progress removes its temporary file before the process ends.
      let interrupted = false;
      const interrupt = () => {
        if (interrupted) return;
        interrupted = true;
        io.err('\nCancelling…\n');
        void backend.dispatcher.call('flows:cancel', { runId }).catch(() => undefined);
      };
      // Kept (`on`, and not removed once interrupted) until the process ends: conf's when-exit re-sends the
      // signal to the process, and proper-lockfile's signal-exit re-raises it when it finds itself the only
      // listener; either would kill the process before the cancelled run is cleaned up and exits 130.
      process.on('SIGINT', interrupt);
      try {
        const final = await service(() =>
          backend.dispatcher.call('cli:run-flow', {
            collectionId: found.collectionId,
            flowId: found.id,
            environmentId: environment.id,
            runId,
            variables: parseVariableOverrides(values.var),
            ...(outDir !== undefined ? { saveDirectory: outDir } : {}),
            ...(values['yes-production'] ? { confirmProtected: true as const } : {}),
          }),
        );
        printer.state(final);
        if (values.junit !== undefined) await writeJunitFile(resolve(values.junit), path, junitCases(final));
        if (values.json) io.out(`${JSON.stringify(final, null, 2)}\n`);
        else io.out(summary(final));
        return exitCodeForRun(final);
      } finally {
        if (!interrupted) process.off('SIGINT', interrupt);
        unsubscribe();
      }
    });
  },
};

/** Checked before anything is sent: a flow is not always harmless to repeat. */
async function prepareOutDir(dir: string): Promise<string> {
  const folder = resolve(dir);
  try {
    await mkdir(folder, { recursive: true });
    if (!(await stat(folder)).isDirectory()) throw new Error('it is not a folder');
  } catch (error) {
    const why = (error as NodeJS.ErrnoException).code === 'EEXIST' ? 'a file of that name is in the way' : error instanceof Error ? error.message : String(error);
    throw new CliError(`--out-dir: ${folder} cannot be used (${why}).`, EXIT.usage);
  }
  return folder;
}

function findFlow(flows: readonly FlowSummary[], path: string): FlowSummary {
  const match = flows.find((item) => `${item.collectionName}/${item.name}` === path);
  if (match) return match;
  const names = flows.map((item) => `"${item.collectionName}/${item.name}"`).join(', ');
  throw new CliError(`No flow "${path}". There are: ${names || 'none'}.`, EXIT.usage);
}

const MARK: Record<StepState['status'], string> = {
  pending: ' ',
  running: '>',
  waiting: '~',
  succeeded: 'ok',
  failed: 'FAIL',
  cancelled: 'x',
  skipped: '-',
};

/** Prints a step when it starts, each new waiting message, and how it ended; a download redraws one progress line. */
function stepPrinter(io: CliIo) {
  const printed = new Map<number, string>();
  let downloading: string | null = null;
  let drewProgress = false;
  const print = (line: string) => {
    if (drewProgress) io.err('\n');
    drewProgress = false;
    io.err(`${line}\n`);
  };
  return {
    state(state: FlowRunState) {
      for (const step of state.steps) {
        if (step.status === 'pending') continue;
        const key = step.status === 'waiting' ? `waiting ${step.message ?? ''}` : step.status;
        const previous = printed.get(step.index);
        if (previous === key || (step.status === 'running' && previous !== undefined)) continue;
        printed.set(step.index, key);
        const showMessage = step.status !== 'running' && step.message !== null;
        print(`[${MARK[step.status]}] ${String(step.index + 1)}/${String(state.steps.length)} ${step.name}${showMessage ? `: ${step.message ?? ''}` : ''}`);
      }
      downloading = state.steps.find((step) => step.status === 'running')?.sendId ?? null;
    },
    progress(sendId: string, line: string) {
      if (!io.isTty || sendId !== downloading) return;
      io.err(line);
      drewProgress = true;
    },
  };
}

function summary(state: FlowRunState): string {
  const lines = [`${state.flowName} on ${state.environment.name}: ${state.status}${state.message ? ` (${state.message})` : ''}`];
  if (state.variables.length > 0) {
    lines.push('Variables:');
    for (const variable of state.variables) lines.push(`  ${variable.name} = ${variable.value}`);
  }
  for (const step of state.steps) {
    for (const captured of step.captured) if (captured.value === null) lines.push(`Stored ${captured.target}.`);
    if (step.saved) lines.push(`Saved ${step.saved.path} (${formatBytes(step.saved.bytes)}, SHA-256 ${step.saved.sha256})`);
    if (step.assertions && step.assertions.length > 0) lines.push(`Assertions of step ${String(step.index + 1)} (${step.name}):`, assertionLines(step.assertions).trimEnd());
  }
  return `${lines.join('\n')}\n`;
}

const EXIT_FOR: Record<StepFailureKind, number> = {
  'http-status': EXIT.httpStatus,
  network: EXIT.network,
  timeout: EXIT.network,
  capture: EXIT.config,
  configuration: EXIT.config,
  protected: EXIT.protectedEnvironment,
  cancelled: EXIT.interrupted,
  internal: EXIT.internal,
  assertion: EXIT.assertions,
};

/** The steps that ran, as JUnit cases; a failed step's assertions are listed by the step's message too. */
function junitCases(state: FlowRunState): CaseResult[] {
  return state.steps
    .filter((step) => step.status !== 'skipped' && step.status !== 'pending')
    .map((step) => ({
      path: `${String(step.index + 1)}. ${step.name}`,
      iteration: 1,
      exitCode: step.status === 'succeeded' ? EXIT.ok : step.status === 'cancelled' ? EXIT.interrupted : step.failure ? EXIT_FOR[step.failure] : EXIT.internal,
      status: step.httpStatus,
      ms: step.durationMs ?? 0,
      failure: step.status === 'succeeded' ? null : (step.message ?? step.status),
      assertions: step.assertions,
    }));
}

export function exitCodeForRun(state: FlowRunState): number {
  if (state.status === 'succeeded') return EXIT.ok;
  if (state.status === 'cancelled') return EXIT.interrupted;
  const failed = state.steps.find((step) => step.status === 'failed');
  return failed?.failure ? EXIT_FOR[failed.failure] : EXIT.internal;
}
