import { readFile } from 'node:fs/promises';
import { SANDBOX_CREDENTIALS, parseMountArguments, sandboxEndpoints, startSandbox, type SandboxMounts } from '../../sandbox/index.ts';
import { parseCommandArgs, parsePort, untilInterrupted, type Command } from '../command.ts';
import { EXIT } from '../exit-codes.ts';
import { CliError } from '../io.ts';

export const sandbox: Command = {
  summary: 'Run the built-in sandbox gateways on 127.0.0.1',
  help: `Usage: countersign sandbox [--port N] [--quiet] [--mount GATEWAY=/PREFIX ...] [--tls-cert FILE --tls-key FILE]

Runs the loopback emulation of PayNet OSP, MTN MoMo, CENTAGATE and Elecsnet
that the samples use, until Ctrl+C. Its fixed test credentials are listed in
docs/sandbox.md and at <url>/sandbox.

Options:
  --port N   listen on port N (default: a free port)
  --quiet    do not log each request
  --mount GATEWAY=/PREFIX   serve a gateway (paynet, momo, centagate, elecsnet)
             under a path prefix, like a real deployment (repeatable)
  --tls-cert FILE --tls-key FILE   serve HTTPS with this PEM certificate and key
             (trust its CA in the environment: env set ... --ca-secret)

Examples:
  countersign sandbox --port 8787
  countersign sandbox --mount momo=/momo --mount paynet=/osp/v2 --tls-cert server.pem --tls-key server.key
`,
  async run(args, io) {
    const { values } = parseCommandArgs(args, {
      port: { type: 'string' },
      quiet: { type: 'boolean', default: false },
      mount: { type: 'string', multiple: true },
      'tls-cert': { type: 'string' },
      'tls-key': { type: 'string' },
    });
    let mounts: SandboxMounts;
    try {
      mounts = parseMountArguments(values.mount);
    } catch (error) {
      throw new CliError(error instanceof Error ? error.message : String(error), EXIT.usage);
    }
    const tls = await readTls(values['tls-cert'], values['tls-key']);
    const running = await startSandbox({
      port: parsePort(values.port) ?? 0,
      mounts,
      ...(tls ? { tls } : {}),
      log: values.quiet ? () => undefined : (line) => io.err(`${line}\n`),
    });
    const gateways = sandboxEndpoints(running.url, mounts);
    io.out(`sandbox listening on ${running.url}\n`);
    io.out(`  PayNet OSP  ${gateways.paynet}  (client id ${SANDBOX_CREDENTIALS.paynet.clientId})\n`);
    io.out(`  MTN MoMo    ${gateways.momo}\n  CENTAGATE   ${gateways.centagate}\n  Elecsnet    ${gateways.elecsnet}\n`);
    io.out(`routes and credentials: ${running.url}/sandbox and docs/sandbox.md\n`);
    await untilInterrupted();
    await running.close();
    return 0;
  },
};

async function readTls(certFile: string | undefined, keyFile: string | undefined): Promise<{ cert: string; key: string } | undefined> {
  if (certFile === undefined && keyFile === undefined) return undefined;
  if (certFile === undefined || keyFile === undefined) throw new CliError('--tls-cert and --tls-key go together.', EXIT.usage);
  try {
    return { cert: await readFile(certFile, 'utf8'), key: await readFile(keyFile, 'utf8') };
  } catch (error) {
    throw new CliError(`Cannot read the TLS files: ${error instanceof Error ? error.message : String(error)}`, EXIT.usage);
  }
}
