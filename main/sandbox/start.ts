/**
 * `node main/sandbox/start.ts [--port N] [--mount gateway=/prefix]... [--tls-cert FILE --tls-key FILE]`:
 * runs the built-in sandbox until interrupted and prints its address (the
 * first line is "sandbox listening on <url>"). Mounts and TLS give it the
 * shape of a real deployment (docs/gateways.md).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parseMountArguments } from './mounts.ts';
import { startSandbox } from './server.ts';
import { faultsFromEnvironment } from './faults.ts';

function parsePort(value: string | undefined): number {
  if (value === undefined) return 0;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a whole number from 0 to 65535, not "${value}".`);
  return port;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      quiet: { type: 'boolean', default: false },
      mount: { type: 'string', multiple: true },
      'tls-cert': { type: 'string' },
      'tls-key': { type: 'string' },
    },
    strict: true,
  });
  if ((values['tls-cert'] === undefined) !== (values['tls-key'] === undefined)) throw new Error('--tls-cert and --tls-key go together.');
  const tls =
    values['tls-cert'] !== undefined && values['tls-key'] !== undefined
      ? { cert: readFileSync(values['tls-cert'], 'utf8'), key: readFileSync(values['tls-key'], 'utf8') }
      : undefined;
  const mounts = parseMountArguments(values.mount);
  const faults = faultsFromEnvironment();
  const sandbox = await startSandbox({
    port: parsePort(values.port),
    mounts,
    ...(tls ? { tls } : {}),
    // TEST ONLY: COUNTERSIGN_SANDBOX_FAULTS makes it misbehave like a misconfigured deployment (faults.ts).
    ...(faults ? { faults } : {}),
    log: values.quiet ? () => undefined : (line) => process.stderr.write(`${line}\n`),
  });
  process.stdout.write(`sandbox listening on ${sandbox.url}\n`);
  for (const [gateway, prefix] of Object.entries(mounts)) process.stdout.write(`${gateway} under ${sandbox.url}${prefix}\n`);
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
