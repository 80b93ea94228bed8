import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { BodyPreview } from '../../contract/http.ts';
import type { SendResult } from '../../contract/requests.ts';
import { movePrivateFile } from '../../platform/private-file.ts';
import type { Backend } from '../../services/backend.ts';
import { parseCommandArgs, type Command } from '../command.ts';
import type { CliContext } from '../context.ts';
import { findEnvironment, parseVariableOverrides, requireProductionConsent } from '../environment.ts';
import { EXIT } from '../exit-codes.ts';
import { CliError, type CliIo } from '../io.ts';
import { assertionFailureSummary, assertionLines, exitCodeForSend } from '../assertion-report.ts';
import { writeJunitFile, type CaseResult } from '../junit.ts';
import { statusLine } from '../outcome.ts';
import { progressLine } from '../progress-bar.ts';
import { collectionIdOf, findRequestByPath } from '../request-path.ts';
import { service } from '../service-errors.ts';
import { unlockVault, withBackend } from '../session.ts';
import { signedRequestText } from '../trace-text.ts';
import { NETWORK_OVERRIDE_HELP, NETWORK_OVERRIDE_OPTIONS, applyNetworkOverrides } from './env-overrides.ts';

const OPTIONS = {
  env: { type: 'string' },
  var: { type: 'string', multiple: true },
  out: { type: 'string' },
  junit: { type: 'string' },
  'data-dir': { type: 'string' },
  'yes-production': { type: 'boolean', default: false },
  json: { type: 'boolean', default: false },
  'dry-run': { type: 'boolean', default: false },
  ...NETWORK_OVERRIDE_OPTIONS,
} as const;

const OPTION_HELP = `Options:
  --env NAME          the environment to use (required; see "countersign env list")
  --var NAME=VALUE    replace an environment variable for this run (repeatable)
  --data-dir DIR      data directory (default: COUNTERSIGN_DATA_DIR, then the platform's)
  --yes-production    required to send to a protected environment such as Production
  --json              print one JSON result (status, timing, redacted trace, body preview)
${NETWORK_OVERRIDE_HELP}`;

export const run: Command = {
  summary: 'Send a saved request, signed, and print or save the response',
  help: `Usage: countersign run <collection>/<folder...>/<request> --env NAME [options]

Sends the saved request with the environment's variables and the vault's
secrets, prints a status line on stderr and the body on stdout.
Names are case-sensitive. Unlocks the vault with COUNTERSIGN_PASSPHRASE or asks.

${OPTION_HELP}
  --out FILE|-        save the body to FILE ("-": stdout, the default)
  --junit FILE        write a JUnit XML report: one test case for the send, one per assertion
  --dry-run           sign only and print the trace (same as "countersign trace")

The request's assertions (status, headers, JSONPath, body, time, JSON Schema)
are checked and listed on stderr.

Exit codes: 0 2xx, 3 other HTTP status, 4 network error, 5 signing or
configuration error, 6 protected environment without --yes-production,
7 an assertion failed, 2 usage. A request that asserts its status decides
which status is right (expecting 401 exits 0 on a 401).

Examples:
  countersign run "PayNet OSP/Request a report" --env Sandbox
  countersign run "Elecsnet/Sale (HMAC-SHA1)" --env Sandbox --var endpointId=42 --json
  countersign run "PayNet OSP/Request a report" --env Production --yes-production --out report.json
`,
  run: (args, io, context) => runOrTrace(args, io, context, false),
};

export const trace: Command = {
  summary: 'Print the signature trace of a saved request without sending it',
  help: `Usage: countersign trace <collection>/<folder...>/<request> --env NAME [options]

Signs the request as "run" would and prints the signed request and every
signing step, with each secret shown as a placeholder. Nothing is sent.
Same as "countersign run --dry-run".

${OPTION_HELP}

Example:
  countersign trace "Elecsnet/Sale (HMAC-SHA1)" --env Sandbox
`,
  run: (args, io, context) => runOrTrace(args, io, context, true),
};

async function runOrTrace(args: string[], io: CliIo, context: CliContext, traceOnly: boolean): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, OPTIONS, true);
  try {
    return await signOrSend(values, positionals, io, context, traceOnly);
  } catch (error) {
    // With --json a script still gets one JSON document on stdout; the message also goes to stderr as usual.
    if (values.json && error instanceof CliError) {
      io.out(`${JSON.stringify({ path: positionals[0] ?? null, ok: false, exitCode: error.exitCode, error: { message: error.message } }, null, 2)}\n`);
    }
    throw error;
  }
}

type RunValues = ReturnType<typeof parseCommandArgs<typeof OPTIONS>>['values'];

async function signOrSend(values: RunValues, positionals: string[], io: CliIo, context: CliContext, traceOnly: boolean): Promise<number> {
  const [path, ...extra] = positionals;
  if (path === undefined || extra.length > 0) throw new CliError('Give exactly one request path, e.g. "PayNet OSP/Request a report" (quote it).', EXIT.usage);
  if (values.env === undefined) throw new CliError('--env NAME is required.', EXIT.usage);
  const envName = values.env;
  const variables = parseVariableOverrides(values.var);
  return withBackend(values['data-dir'], io, context, async (backend) => {
    const tree = await service(() => backend.dispatcher.call('workspace:tree', {}));
    const request = findRequestByPath(tree, path);
    const environment = await findEnvironment(backend, collectionIdOf(tree, request), envName);
    if (!traceOnly && !values['dry-run']) requireProductionConsent(environment, values['yes-production']);
    await applyNetworkOverrides(backend, values, io, environment);
    // Unlocked when signing first reads a secret: a request without secrets never pays for the passphrase derivation.
    let unlockFailure: unknown;
    backend.unlockOnFirstSecret(async () => {
      try {
        await unlockVault(backend, io, context);
      } catch (error) {
        unlockFailure = error;
        throw error;
      }
    });
    try {
      if (traceOnly || values['dry-run']) {
        const signed = await service(() => backend.dispatcher.call('cli:sign', { requestId: request.id, environmentId: environment.id, variables }));
        io.out(values.json ? `${JSON.stringify({ path, dryRun: true, ...signed }, null, 2)}\n` : signedRequestText(signed));
        return EXIT.ok;
      }
      return await send(backend, io, { requestId: request.id, environmentId: environment.id, path, variables, out: values.out, junit: values.junit, json: values.json, confirmed: values['yes-production'] });
    } catch (error) {
      // Signing wraps a failed unlock as a signing failure: report the unlock's own message and exit code.
      throw unlockFailure ?? error;
    }
  });
}

type SendPlan = {
  requestId: string;
  environmentId: string;
  path: string;
  variables: Record<string, string>;
  out: string | undefined;
  junit: string | undefined;
  json: boolean;
  confirmed: boolean;
};

async function send(backend: Backend, io: CliIo, plan: SendPlan): Promise<number> {
  const toFile = plan.out !== undefined && plan.out !== '-' ? resolve(plan.out) : undefined;
  // Checked before sending: a send is not always harmless to repeat.
  if (toFile && !(await isDirectory(dirname(toFile)))) throw new CliError(`--out: the folder ${dirname(toFile)} does not exist.`, EXIT.usage);
  // The body lands in a private temp folder first (beside --out, so the final move is a rename):
  // complete however large, and --out is only replaced by a whole 2xx body.
  const spill = plan.json && !toFile ? undefined : await mkdtemp(toFile ? join(dirname(toFile), '.countersign-run-') : join(tmpdir(), 'countersign-run-'));
  const sendId = randomUUID();
  const showProgress = io.isTty && toFile !== undefined;
  // direct call: progress events stream through the bus; a channel answers once, at the end.
  const unsubscribe = backend.bus.subscribe((name, payload) => {
    if (showProgress && name === 'requests:progress' && 'requestId' in payload && payload.requestId === sendId) io.err(progressLine(payload));
  });
  try {
    const result = await service(() =>
      backend.dispatcher.call('cli:send', {
        requestId: plan.requestId,
        environmentId: plan.environmentId,
        sendId,
        variables: plan.variables,
        ...(plan.confirmed ? { confirmProtected: true as const } : {}),
        ...(spill ? { save: { file: join(spill, 'body') } } : {}),
      }),
    );
    if (showProgress) io.err('\n');
    const code = exitCodeForSend(result);
    if (plan.junit !== undefined) await writeJunitFile(resolve(plan.junit), plan.path, [junitCase(plan.path, result, code)]);
    const savedPath = result.outcome.ok ? result.outcome.response.saved?.path : undefined;
    // An error body is not the document asked for: --out keeps what it held (an access token, a report).
    const keep = toFile !== undefined && savedPath !== undefined && code === EXIT.ok;
    if (keep) await movePrivateFile(savedPath, toFile, { overwrite: true });
    if (plan.json) {
      io.out(`${JSON.stringify(jsonResult(plan.path, result, code, keep ? toFile : undefined), null, 2)}\n`);
      return code;
    }
    io.err(`${statusLine(result.outcome)}\n`);
    if (result.assertions) io.err(assertionLines(result.assertions));
    if (toFile) {
      if (keep) io.err(`saved to ${toFile}\n`);
      else if (result.outcome.ok) {
        io.err(`${toFile} was left untouched; the response body was not saved and follows here on stderr:\n`);
        io.err(previewText(result.outcome.response.preview));
        io.err('\n');
      }
    } else if (result.outcome.ok) {
      if (savedPath) await streamTo(io, savedPath);
      else io.out(result.outcome.response.preview.encoding === 'base64' ? Buffer.from(result.outcome.response.preview.data, 'base64') : result.outcome.response.preview.data);
    }
    return code;
  } finally {
    unsubscribe();
    if (spill) await rm(spill, { recursive: true, force: true });
  }
}

function jsonResult(path: string, result: SendResult, exitCode: number, savedTo: string | undefined) {
  const { outcome } = result;
  return {
    path,
    environment: result.environment,
    exitCode,
    ok: outcome.ok && exitCode === EXIT.ok,
    ...(outcome.ok
      ? {
          status: outcome.response.status,
          statusText: outcome.response.statusText,
          url: outcome.response.url,
          headers: outcome.response.headers,
          timing: outcome.response.timing,
          bytes: outcome.response.bytes,
          ...(savedTo ? { savedTo, sha256: outcome.response.saved?.sha256 ?? null } : { body: outcome.response.preview }),
        }
      : { error: outcome.error }),
    // Which proxy, CA and client certificate (vault names) the send used.
    ...(result.network ? { network: result.network } : {}),
    // Which provider (vault, env, pass) served each secret, by name.
    ...(result.secretSources ? { secretSources: result.secretSources } : {}),
    ...(result.assertions ? { assertions: result.assertions } : {}),
    retried: result.retried,
    traces: result.traces,
  };
}

function junitCase(path: string, result: SendResult, exitCode: number): CaseResult {
  const { outcome } = result;
  const failure =
    exitCode === EXIT.ok
      ? null
      : exitCode === EXIT.assertions
        ? assertionFailureSummary(result.assertions ?? [])
        : outcome.ok
          ? `HTTP ${String(outcome.response.status)} ${outcome.response.statusText}`
          : `${outcome.error.kind}: ${outcome.error.message}`;
  return { path, iteration: 1, exitCode, status: outcome.ok ? outcome.response.status : null, ms: outcome.ok ? outcome.response.timing.totalMs : 0, failure, assertions: result.assertions };
}

function previewText(preview: BodyPreview): string {
  const text = preview.encoding === 'base64' ? `(${Buffer.from(preview.data, 'base64').length} bytes of binary data)` : preview.data;
  return preview.truncated ? `${text}\n(cut short)` : text;
}

async function streamTo(io: CliIo, path: string): Promise<void> {
  for await (const chunk of createReadStream(path)) io.out(chunk as Buffer);
}


async function isDirectory(path: string): Promise<boolean> {
  return stat(path).then(
    (info) => info.isDirectory(),
    () => false,
  );
}
