import { readFile } from 'node:fs/promises';
import { ServiceError } from '../../contract/errors.ts';
import type { DiagnosisInput, DiagnosisReport, ExpectedFromGateway, VariantsReport } from '../../contract/diagnosis.ts';
import type { Backend } from '../../services/backend.ts';
import { parseCommandArgs, type Command } from '../command.ts';
import type { CliContext } from '../context.ts';
import { findEnvironment } from '../environment.ts';
import { EXIT } from '../exit-codes.ts';
import { CliError } from '../io.ts';
import { collectionIdOf, findRequestByPath } from '../request-path.ts';
import { service, toCliError } from '../service-errors.ts';
import { unlockVault, withBackend } from '../session.ts';
import { diagnosisText, variantsText } from './explain-text.ts';

const OPTIONS = {
  env: { type: 'string' },
  'expected-base-string': { type: 'string' },
  'expected-signature': { type: 'string' },
  'expected-x-signature': { type: 'string' },
  'raw-request': { type: 'string' },
  'server-date': { type: 'string' },
  variants: { type: 'boolean', default: false },
  json: { type: 'boolean', default: false },
  'data-dir': { type: 'string' },
} as const;

export const explain: Command = {
  summary: 'Say why a gateway refused a signature (compares a sent request with what it expected)',
  help: `Usage: countersign explain <history id | collection/folder.../request> [options]

Re-derives the signature of a send recorded in History (same timestamp,
nonce and {{$uuid}} values; the secret read again from the vault and checked
by fingerprint), compares it with what the gateway expected, and prints the
most likely cause in one sentence with its evidence. Given a request path
instead (with --env), it signs the request afresh; nothing is sent either way.
Find history ids with "countersign history". No secret value is ever printed:
keys appear by name, length and fingerprint.

Options:
  --expected-base-string FILE   the gateway's base string / string to sign ("-": stdin)
  --expected-signature S        its expected signature: hex, base64, or a whole Authorization header
  --expected-x-signature S      PayNet: the X-Signature it expected
  --raw-request FILE            a full raw request from the gateway's log ("-": stdin)
  --server-date DATE            the gateway's clock (its Date header); History's is used when absent
  --variants                    also sign under every common variant and say which gives the expected value
  --env NAME                    with a request path: the environment (required there)
  --json                        print the report (and variants) as JSON
  --data-dir DIR                data directory (default: COUNTERSIGN_DATA_DIR, then the platform's)

With a history id and nothing expected, only the clock is checked (the
timestamp sent against the gateway's Date header).

Exit codes (as "trace"): 0 a diagnosis was printed, 2 usage (unknown id or
path, nothing to compare), 5 signing or configuration (locked vault, a send
whose signature cannot be re-derived).

Examples:
  countersign history --limit 5
  countersign explain 3f0c… --expected-base-string base.txt
  countersign explain 3f0c… --expected-x-signature 9a41…e0 --variants
  countersign explain "Elecsnet/Sale (HMAC-SHA1)" --env UAT --expected-signature 'kTz…='
`,
  async run(args, io, context) {
    const { values, positionals } = parseCommandArgs(args, OPTIONS, true);
    const [target, ...extra] = positionals;
    if (target === undefined || extra.length > 0) throw new CliError('Give one history id or request path (see "countersign history").', EXIT.usage);
    return withBackend(values['data-dir'], io, context, async (backend) => {
      const expected = await readExpected(values, context);
      const source = await sourceOf(backend, target, values.env);
      backend.unlockOnFirstSecret(() => unlockVault(backend, io, context));
      const input: DiagnosisInput = { source, expected };
      const report = await service(() => backend.dispatcher.call('diagnosis:explain', input));
      const variants = values.variants ? await service(() => backend.dispatcher.call('diagnosis:variants', input)) : undefined;
      io.out(values.json ? `${JSON.stringify({ ...report, ...(variants ? { variants } : {}) }, null, 2)}\n` : output(report, variants));
      return EXIT.ok;
    });
  },
};

function output(report: DiagnosisReport, variants: VariantsReport | undefined): string {
  return diagnosisText(report) + (variants === undefined ? '' : variantsText(variants));
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function sourceOf(backend: Backend, target: string, env: string | undefined): Promise<DiagnosisInput['source']> {
  if (UUID.test(target)) {
    if (env !== undefined) throw new CliError('--env goes with a request path; a history entry knows its environment.', EXIT.usage);
    const found = await backend.dispatcher.call('history:get', { id: target }).then(
      () => true,
      (error: unknown) => {
        if (error instanceof ServiceError && error.code === 'not_found') return false;
        throw toCliError(error);
      },
    );
    if (!found) throw new CliError(`No history entry ${target}: "countersign history" lists them.`, EXIT.usage);
    return { historyId: target };
  }
  if (env === undefined) throw new CliError('--env NAME is required with a request path (or give a history id).', EXIT.usage);
  const tree = await service(() => backend.dispatcher.call('workspace:tree', {}));
  const request = findRequestByPath(tree, target);
  const environment = await findEnvironment(backend, collectionIdOf(tree, request), env);
  return { requestId: request.id, environmentId: environment.id };
}

async function readText(file: string, what: string, context: CliContext): Promise<string> {
  if (file === '-') {
    const stdin = await context.readStdin();
    if (stdin === null) throw new CliError(`${what}: nothing was piped into stdin.`, EXIT.usage);
    return stdin;
  }
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw new CliError(`${what}: cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'}).`, EXIT.usage);
  }
}

async function readExpected(
  values: { 'expected-base-string'?: string | undefined; 'expected-signature'?: string | undefined; 'expected-x-signature'?: string | undefined; 'raw-request'?: string | undefined; 'server-date'?: string | undefined },
  context: CliContext,
): Promise<ExpectedFromGateway> {
  if (values['expected-base-string'] === '-' && values['raw-request'] === '-') throw new CliError('Only one of --expected-base-string and --raw-request can read stdin.', EXIT.usage);
  const expected: ExpectedFromGateway = {};
  if (values['expected-base-string'] !== undefined) expected.baseString = (await readText(values['expected-base-string'], '--expected-base-string', context)).replace(/\r?\n$/, '');
  if (values['raw-request'] !== undefined) expected.rawRequest = await readText(values['raw-request'], '--raw-request', context);
  if (values['expected-signature'] !== undefined) expected.signature = values['expected-signature'];
  if (values['expected-x-signature'] !== undefined) expected.xSignature = values['expected-x-signature'];
  if (values['server-date'] !== undefined) expected.serverDate = values['server-date'];
  return expected;
}
