import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ServiceError } from '../../contract/errors.ts';
import type { TreeEntry, TreeListing } from '../../contract/workspace.ts';
import type { Backend } from '../../services/backend.ts';
import { parseCommandArgs, type Command } from '../command.ts';
import { findEnvironment, parseVariableOverrides, requireProductionConsent } from '../environment.ts';
import { EXIT } from '../exit-codes.ts';
import { CliError } from '../io.ts';
import { writeJunitFile, type CaseResult } from '../junit.ts';
import { assertionFailureSummary, exitCodeForSend } from '../assertion-report.ts';
import { worstExitCode } from '../outcome.ts';
import { collectionIdOf, findContainer, pathOf } from '../request-path.ts';
import { service, toCliError } from '../service-errors.ts';
import { withBackend } from '../session.ts';
import { unlockUnlessAbsent } from '../vault-optional.ts';
import { summaryTable } from '../summary-table.ts';
import { NETWORK_OVERRIDE_HELP, NETWORK_OVERRIDE_OPTIONS, applyNetworkOverrides } from './env-overrides.ts';

export const runCollection: Command = {
  summary: 'Send every request of a collection; summary table and JUnit XML',
  help: `Usage: countersign run-collection <collection[/folder]> --env NAME [options]

Sends every request of the collection (or folder), in sidebar order, signed,
and prints a summary table. Exits 0 when every send got a 2xx and every
assertion held; otherwise with the most serious exit code among the failures
(see "countersign run --help"; 7: assertions failed). The JUnit report has one
test case per send and one per assertion.

Options:
  --env NAME          the environment to use (required)
  --concurrency N     sends in flight at once (default 1; order is kept at 1)
  --iterations N      run the whole list N times (default 1)
  --junit FILE        write a JUnit XML report for CI
  --var NAME=VALUE    replace an environment variable (repeatable)
  --yes-production    required for a protected environment such as Production
  --data-dir DIR      data directory (default: COUNTERSIGN_DATA_DIR, then the platform's)
${NETWORK_OVERRIDE_HELP}

Examples:
  countersign run-collection "MTN MoMo" --env Sandbox --junit momo.xml
  countersign run-collection "Elecsnet" --env Sandbox --concurrency 16 --iterations 100
`,
  async run(args, io, context) {
    const { values, positionals } = parseCommandArgs(
      args,
      {
        env: { type: 'string' },
        concurrency: { type: 'string', default: '1' },
        iterations: { type: 'string', default: '1' },
        junit: { type: 'string' },
        var: { type: 'string', multiple: true },
        'yes-production': { type: 'boolean', default: false },
        'data-dir': { type: 'string' },
        ...NETWORK_OVERRIDE_OPTIONS,
      },
      true,
    );
    const [path, ...extra] = positionals;
    if (path === undefined || extra.length > 0) throw new CliError('Give exactly one collection (or "collection/folder"), quoted.', EXIT.usage);
    if (values.env === undefined) throw new CliError('--env NAME is required.', EXIT.usage);
    const envName = values.env;
    const concurrency = positiveInteger('--concurrency', values.concurrency, 256);
    const iterations = positiveInteger('--iterations', values.iterations, 1_000_000);
    const variables = parseVariableOverrides(values.var);

    return withBackend(values['data-dir'], io, context, async (backend) => {
      const tree = await service(() => backend.dispatcher.call('workspace:tree', {}));
      const container = findContainer(tree, path);
      const requests = requestsUnder(tree, container);
      if (requests.length === 0) throw new CliError(`"${path}" holds no requests.`, EXIT.usage);
      const environment = await findEnvironment(backend, collectionIdOf(tree, container), envName);
      requireProductionConsent(environment, values['yes-production']);
      await applyNetworkOverrides(backend, values, io, environment);
      await unlockUnlessAbsent(backend, io, context);

      const jobs = Array.from({ length: iterations }, (_, index) => requests.map((request) => ({ request, iteration: index + 1 }))).flat();
      const results: CaseResult[] = new Array<CaseResult>(jobs.length);
      let next = 0;
      const started = performance.now();
      const worker = async () => {
        for (let index = next++; index < jobs.length; index = next++) {
          const job = jobs[index];
          if (job) results[index] = await sendOne(backend, job.request, job.iteration, environment.id, variables, values['yes-production']);
        }
      };
      await Promise.all(Array.from({ length: Math.min(concurrency, jobs.length) }, worker));
      const elapsedMs = performance.now() - started;

      io.out(summaryTable(results));
      const failed = results.filter((result) => result.failure !== null);
      io.out(`\n${results.length} sends, ${results.length - failed.length} passed, ${failed.length} failed in ${(elapsedMs / 1000).toFixed(2)} s (${(results.length / (elapsedMs / 1000)).toFixed(1)} requests/s)\n`);
      // The first failure of each request says why; the rest would repeat it.
      const explained = new Set<string>();
      for (const result of failed) {
        if (explained.has(result.path)) continue;
        explained.add(result.path);
        io.err(`${result.path}: ${result.failure ?? ''}\n`);
      }
      if (values.junit !== undefined) await writeJunitFile(resolve(values.junit), container.name, results);
      return worstExitCode(results.map((result) => result.exitCode));
    });
  },
};

async function sendOne(
  backend: Backend,
  request: { id: string; path: string },
  iteration: number,
  environmentId: string,
  variables: Record<string, string>,
  confirmed: boolean,
): Promise<CaseResult> {
  const started = performance.now();
  try {
    const result = await backend.dispatcher.call('cli:send', { requestId: request.id, environmentId, variables, ...(confirmed ? { confirmProtected: true as const } : {}) });
    const exitCode = exitCodeForSend(result);
    const status = result.outcome.ok ? result.outcome.response.status : null;
    const failure =
      exitCode === EXIT.ok
        ? null
        : exitCode === EXIT.assertions
          ? assertionFailureSummary(result.assertions ?? [])
          : result.outcome.ok
            ? `HTTP ${result.outcome.response.status} ${result.outcome.response.statusText}`
            : `${result.outcome.error.kind}: ${result.outcome.error.message}`;
    return { path: request.path, iteration, exitCode, status, ms: performance.now() - started, failure, assertions: result.assertions };
  } catch (error) {
    // A request that cannot be signed fails on its own; the others still run.
    const cliError = error instanceof ServiceError ? toCliError(error) : error;
    const exitCode = cliError instanceof CliError ? cliError.exitCode : EXIT.internal;
    const message = cliError instanceof Error ? cliError.message : String(cliError);
    return { path: request.path, iteration, exitCode, status: null, ms: performance.now() - started, failure: message };
  }
}

function requestsUnder(tree: TreeListing, container: TreeEntry): { id: string; path: string }[] {
  const byId = new Map(tree.entries.map((entry) => [entry.id, entry]));
  const out: { id: string; path: string }[] = [];
  const visit = (entry: TreeEntry) => {
    if (entry.kind === 'request') out.push({ id: entry.id, path: pathOf(entry, byId) });
    for (const id of entry.children ?? []) {
      const child = byId.get(id);
      if (child) visit(child);
    }
  };
  visit(container);
  return out;
}

function positiveInteger(option: string, value: string, max: number): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1 || number > max) throw new CliError(`${option} must be a whole number from 1 to ${max}, not "${value}".`, EXIT.usage);
  return number;
}
