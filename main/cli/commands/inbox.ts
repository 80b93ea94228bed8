import type { CallbackEntry } from '../../contract/flows.ts';
import { Redactor } from '../../core/redactor.ts';
import { startCallbackInbox } from '../../inbox/callback-inbox.ts';
import { parseCommandArgs, parsePort, untilInterrupted, type Command } from '../command.ts';
import { EXIT } from '../exit-codes.ts';
import { CliError } from '../io.ts';
import { learnSecretValues } from './inbox-redaction.ts';

export const inbox: Command = {
  summary: 'Listen for gateway callbacks and print each one as it arrives',
  help: `Usage: countersign inbox [--port N] [--host ADDRESS] [--json]

Runs the callback inbox until Ctrl+C: every request that arrives is answered
200 and printed (method, path, headers, body as text). Bodies above 64 KiB
are cut and flagged. Nothing received is ever run or followed. Point a
gateway's callback URL (MoMo's X-Callback-Url) at the address it prints.

Any value of the vault (every environment) or of a COUNTERSIGN_SECRET_*
variable that arrives in a callback is printed as [redacted]. The vault's
values are read once at start when it can be opened without asking: an
unlock agent ("countersign vault unlock --for 15m") or COUNTERSIGN_PASSPHRASE.
--redact asks for the passphrase when neither is there; without it, a locked
vault is said once and callbacks print as received.

Options:
  --port N          listen on port N (default: a free port)
  --host ADDRESS    listen on another interface than 127.0.0.1 (prints a warning:
                    anyone who can reach it can post to it)
  --json            one JSON object per callback, one per line
  --redact          open the vault (asking for its passphrase if need be) to hide its values
  --data-dir DIR    data directory (default: COUNTERSIGN_DATA_DIR, then the platform's)

Example:
  countersign inbox --port 8788
`,
  async run(args, io, context) {
    const { values } = parseCommandArgs(args, {
      port: { type: 'string' },
      host: { type: 'string', default: '127.0.0.1' },
      json: { type: 'boolean', default: false },
      redact: { type: 'boolean', default: false },
      'data-dir': { type: 'string' },
    });
    const redactor = new Redactor();
    const learnt = await learnSecretValues(redactor, { dataDir: values['data-dir'], mustUnlock: values.redact, io, context });
    if (learnt.note !== undefined) io.err(`${learnt.note}\n`);
    const print = (entry: CallbackEntry) => {
      const shown = redactor.redactDeep(entry);
      io.out(values.json ? `${JSON.stringify(shown)}\n` : describe(shown));
    };
    let listening;
    try {
      listening = await startCallbackInbox({ host: values.host, port: parsePort(values.port) ?? 0, onEntry: print });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'an error';
      throw new CliError(`The inbox could not listen on ${values.host}:${values.port ?? '0'} (${code}).`, EXIT.usage);
    }
    if (listening.exposure) io.err(`Warning: ${listening.exposure}\n`);
    io.err(`callback inbox listening on ${listening.url}  (Ctrl+C to stop)\n`);
    await untilInterrupted();
    await listening.close();
    return EXIT.ok;
  },
};

function describe(entry: CallbackEntry): string {
  const headers = entry.headers.map(([name, value]) => `  ${visible(name)}: ${visible(value)}`).join('\n');
  const cut = entry.truncated ? `\n  (body cut: ${String(entry.bodyBytes)} bytes received, the first ${String(Buffer.byteLength(entry.body))} kept)` : '';
  return `${entry.receivedAt}  ${visible(entry.method)} ${visible(entry.path)}\n${headers}\n\n${visible(entry.body)}${cut}\n\n`;
}

/** Control and bidi characters shown as escapes: a callback must not be able to drive the terminal. */
export function visible(text: string): string {
  return text.replace(/[^\P{Cc}\n\t]|[\u202a-\u202e\u2066-\u2069]/gu, (char) => {
    const code = char.codePointAt(0) ?? 0;
    return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u{${code.toString(16)}}`;
  });
}
