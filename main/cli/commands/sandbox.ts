import { SANDBOX_CREDENTIALS, sandboxEndpoints, startSandbox } from '../../sandbox/index.ts';
import { parseCommandArgs, parsePort, untilInterrupted, type Command } from '../command.ts';

export const sandbox: Command = {
  summary: 'Run the built-in sandbox gateways on 127.0.0.1',
  help: `Usage: countersign sandbox [--port N] [--quiet]

Runs the loopback emulation of PayNet OSP, MTN MoMo, CENTAGATE and Elecsnet
that the samples use, until Ctrl+C. Its fixed test credentials are listed in
docs/sandbox.md and at <url>/sandbox.

Options:
  --port N   listen on port N (default: a free port)
  --quiet    do not log each request

Example:
  countersign sandbox --port 8787
`,
  async run(args, io) {
    const { values } = parseCommandArgs(args, { port: { type: 'string' }, quiet: { type: 'boolean', default: false } });
    const running = await startSandbox({
      port: parsePort(values.port) ?? 0,
      log: values.quiet ? () => undefined : (line) => io.err(`${line}\n`),
    });
    const gateways = sandboxEndpoints(running.url);
    io.out(`sandbox listening on ${running.url}\n`);
    io.out(`  PayNet OSP  ${gateways.paynet}  (client id ${SANDBOX_CREDENTIALS.paynet.clientId})\n`);
    io.out(`  MTN MoMo    ${gateways.momo}\n  CENTAGATE   ${gateways.centagate}\n  Elecsnet    ${gateways.elecsnet}\n`);
    io.out(`routes and credentials: ${running.url}/sandbox and docs/sandbox.md\n`);
    await untilInterrupted();
    await running.close();
    return 0;
  },
};
