import type { HistoryEntry } from '../../contract/history.ts';
import { assertionTally } from '../assertion-report.ts';
import { parseCommandArgs, type Command } from '../command.ts';
import { EXIT } from '../exit-codes.ts';
import { CliError } from '../io.ts';
import { findRequestByPath } from '../request-path.ts';
import { service } from '../service-errors.ts';
import { withBackend } from '../session.ts';

const OPTIONS = {
  request: { type: 'string' },
  limit: { type: 'string' },
  json: { type: 'boolean', default: false },
  'data-dir': { type: 'string' },
} as const;

export const history: Command = {
  summary: 'List recent sends (ids for "countersign explain")',
  help: `Usage: countersign history [--request PATH] [--limit N] [--json]

Lists the sends recorded in History, newest first: id, time (UTC), environment,
request, the status or the failure's category, and how its assertions went
("1 of 3 assertions failed") when the request had any. Secrets never appear.

Options:
  --request PATH   only this request's sends, e.g. "Elecsnet/Sale (HMAC-SHA1)"
  --limit N        at most N entries (default 20, at most 500)
  --json           the entries as JSON (exchanges, signature inputs and assertion
                   results included, redacted)
  --data-dir DIR   data directory (default: COUNTERSIGN_DATA_DIR, then the platform's)

Example:
  countersign history --request "PayNet OSP/Request a report" --limit 3
`,
  async run(args, io, context) {
    const { values, positionals } = parseCommandArgs(args, OPTIONS, false);
    if (positionals.length > 0) throw new CliError('history takes no arguments besides its options.', EXIT.usage);
    const limit = values.limit === undefined ? 20 : Number(values.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw new CliError(`--limit must be a whole number from 1 to 500, not "${values.limit ?? ''}".`, EXIT.usage);
    return withBackend(values['data-dir'], io, context, async (backend) => {
      const requestId = values.request === undefined ? undefined : findRequestByPath(await service(() => backend.dispatcher.call('workspace:tree', {})), values.request).id;
      const entries = await service(() => backend.dispatcher.call('history:list', { ...(requestId === undefined ? {} : { requestId }), limit }));
      io.out(values.json ? `${JSON.stringify(entries, null, 2)}\n` : historyText(entries));
      return EXIT.ok;
    });
  },
};

function outcomeOf(entry: HistoryEntry): string {
  if (entry.failure) return entry.status === null ? `failed (${entry.failure.category})` : `${entry.status} (${entry.failure.category})`;
  if (entry.status !== null) return String(entry.status);
  return `failed (${entry.errorKind ?? 'unknown'})`;
}

const assertionsOf = (entry: HistoryEntry): string => (entry.assertions && entry.assertions.length > 0 ? `  ${assertionTally(entry.assertions)}` : '');

export function historyText(entries: readonly HistoryEntry[]): string {
  if (entries.length === 0) return 'No sends recorded yet.\n';
  return `${entries
    .map((entry) => `${entry.id}  ${new Date(entry.at).toISOString().replace('T', ' ').slice(0, 19)}  ${entry.environment.name}  ${entry.collectionName}/${entry.requestName}  ${outcomeOf(entry)}${assertionsOf(entry)}`)
    .join('\n')}\n`;
}
