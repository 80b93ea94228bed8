import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { CliContext } from '../../../main/cli/context.ts';
import { runCli } from '../../../main/cli/index.ts';
import { createConfStoreFactory } from '../../../main/platform/conf-store.ts';
import { createBackend } from '../../../main/services/backend.ts';
import { SANDBOX_CREDENTIALS, readSandboxMerchantPrivateKey } from '../../../main/sandbox/credentials.ts';
import { sampleSandboxSecrets } from '../../../main/workspace/samples/sample-workspace.ts';
import { bufferIo } from '../../support/cli-io.ts';
import { afterAll, beforeAll, expect } from 'vitest';
import { testBackend } from '../../support/backend.ts';
import { makeTempDir } from '../../support/temp-dir.ts';

export const PASSPHRASE = 'cli test passphrase 7f3e';

/** A CLI context over a cheap-key-derivation backend, with scripted stdin and prompt. */
export function testContext(options: { stdin?: string; prompt?: (question: string) => Promise<string> } = {}): CliContext {
  return {
    openBackend: (dataDir) =>
      createBackend({ mode: 'cli', dataDir, stores: createConfStoreFactory(dataDir), vaultTuning: { scryptParams: { N: 2 ** 10, r: 8, p: 1 } } }),
    promptHidden: options.prompt,
    readStdin: () => Promise.resolve(options.stdin ?? null),
  };
}

/** Runs one command line in-process against `dataDir`. */
export async function cli(dataDir: string, argv: string[], options: { env?: NodeJS.ProcessEnv; stdin?: string; prompt?: (question: string) => Promise<string> } = {}) {
  const io = bufferIo({ COUNTERSIGN_PASSPHRASE: PASSPHRASE, ...options.env });
  const code = await runCli([...argv, '--data-dir', dataDir], io, testContext(options));
  return { code, stdout: io.stdout(), stderr: io.stderr() };
}

/** A data directory with the first-run samples and a vault holding the sandbox credentials. */
export async function preparedDataDir(dataDir: string): Promise<void> {
  const backend = testBackend(dataDir);
  try {
    await backend.dispatcher.call('vault:setup', { passphrase: PASSPHRASE });
    const wanted = sampleSandboxSecrets().length;
    for (let i = 0; i < 250 && backend.vault.list({ environment: 'Sandbox' }).secrets.length < wanted; i++) await new Promise((r) => setTimeout(r, 20));
  } finally {
    await backend.close();
  }
}

/** Every secret value the sandbox samples use, plus the test passphrase: none may ever be printed. */
export function secretValues(): string[] {
  const { paynet, momo, centagate, elecsnet } = SANDBOX_CREDENTIALS;
  const pem = readSandboxMerchantPrivateKey();
  // The PEM's body lines are checked one by one: a partial dump is still a leak.
  const pemLines = pem.split('\n').filter((line) => line.length > 40 && !line.startsWith('-----'));
  return [paynet.clientSecret, momo.subscriptionKey, momo.apiKey, centagate.secretKey, elecsnet.controlKey, PASSPHRASE, ...pemLines];
}

// What users run: the bundle when it is fresh (npm install builds it), else the sources.
export const CLI_ENTRY = fileURLToPath(new URL('../../../bin/countersign.mjs', import.meta.url));

/** Runs the real CLI as a child process, as a script or CI job would. */
export function spawnCli(argv: string[], options: { env?: NodeJS.ProcessEnv; stdin?: string } = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI_ENTRY, ...argv], {
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.stdin ?? '');
  });
}

/**
 * One prepared data directory for a test file, and `run` for the CLI in it.
 * Afterwards, everything any test printed on either stream is checked: none
 * of the sandbox secrets, nor any of `extraSecrets`, may appear, by value.
 */
export function useCliSession(extraSecrets: readonly string[] = []) {
  let dir: Awaited<ReturnType<typeof makeTempDir>> | undefined;
  const printed: string[] = [];
  beforeAll(async () => {
    dir = await makeTempDir();
    await preparedDataDir(dir.path);
  });
  afterAll(async () => {
    const all = printed.join('\n');
    for (const secret of [...secretValues(), ...extraSecrets]) expect(all).not.toContain(secret);
    await dir?.remove();
  });
  const path = (): string => {
    if (!dir) throw new Error('the CLI session has not started');
    return dir.path;
  };
  const run = async (argv: string[], options?: Parameters<typeof cli>[2]) => {
    const result = await cli(path(), argv, options);
    printed.push(result.stdout, result.stderr);
    return result;
  };
  return { path, run, printed };
}
