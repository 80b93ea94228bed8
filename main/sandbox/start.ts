/**
 * `node main/sandbox/start.ts [--port N]`: runs the built-in sandbox until
 * interrupted and prints its address (the first line is "sandbox listening on <url>").
 */
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startSandbox } from './server.ts';

function parsePort(value: string | undefined): number {
  if (value === undefined) return 0;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a whole number from 0 to 65535, not "${value}".`);
  return port;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { port: { type: 'string' }, quiet: { type: 'boolean', default: false } }, strict: true });
  const sandbox = await startSandbox({
    port: parsePort(values.port),
    log: values.quiet ? () => undefined : (line) => process.stderr.write(`${line}\n`),
  });
  process.stdout.write(`sandbox listening on ${sandbox.url}\n`);
  process.stdout.write(`routes and credentials: ${sandbox.url}/sandbox and docs/sandbox.md\n`);
  const shutdown = () => {
    void sandbox.close().finally(() => process.exit(0));
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((error: unknown) => {
    process.stderr.write(`sandbox: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
