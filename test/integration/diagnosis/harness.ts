import { expect } from 'vitest';
import type { TreeListing } from '../../../main/contract/workspace.ts';
import { findRequestByPath } from '../../../main/cli/request-path.ts';
import { SANDBOX_CREDENTIALS, readSandboxMerchantPrivateKey } from '../../../main/sandbox/credentials.ts';
import type { Backend } from '../../../main/services/backend.ts';
import { SANDBOX_FAULTS_ENV, type SandboxFaults } from '../../../main/sandbox/faults.ts';
import { contractCaller, testBackend } from '../../support/backend.ts';
import { makeTempDir } from '../../support/temp-dir.ts';
import { leaks } from '../redaction/harness.ts';

export const PASSPHRASE = 'a passphrase for diagnosis tests';

/** A backend over a fresh data directory with the samples and the sandbox's credentials in the vault. */
export async function diagnosisBackend(faults?: SandboxFaults): Promise<{
  backend: Backend;
  call: <T>(name: string, input: unknown) => Promise<T>;
  ids: (path: string) => Promise<{ requestId: string; environmentId: string }>;
  setSecret: (name: string, value: string, environment?: string) => Promise<void>;
  close: () => Promise<void>;
}> {
  const dir = await makeTempDir();
  // The app's on-demand sandbox reads its faults when the backend is built (test only): set them just for that.
  const before = process.env[SANDBOX_FAULTS_ENV];
  if (faults) process.env[SANDBOX_FAULTS_ENV] = JSON.stringify(faults);
  let backend: Backend;
  try {
    backend = testBackend(dir.path);
  } finally {
    if (before === undefined) Reflect.deleteProperty(process.env, SANDBOX_FAULTS_ENV);
    else process.env[SANDBOX_FAULTS_ENV] = before;
  }
  const call = contractCaller(() => backend);
  await call('vault:setup', { passphrase: PASSPHRASE });
  for (let i = 0; i < 250 && backend.vault.list({ environment: 'Sandbox' }).secrets.length < 6; i++) await new Promise((r) => setTimeout(r, 20));
  return {
    backend,
    call,
    ids: async (path) => {
      const tree = await call<TreeListing>('workspace:tree', {});
      const request = findRequestByPath(tree, path);
      const collectionId = tree.entries.find((entry) => entry.kind === 'collection' && path.startsWith(`${entry.name}/`))?.id ?? '';
      const environments = await call<{ id: string; name: string }[]>('workspace:environments', { collectionId });
      return { requestId: request.id, environmentId: environments.find((env) => env.name === 'Sandbox')?.id ?? '' };
    },
    setSecret: async (name, value, environment = 'Sandbox') => {
      const exists = backend.vault.list({ environment }).secrets.some((secret) => secret.name === name);
      if (exists) await backend.vault.rotate({ environment, name, value });
      else await backend.vault.add({ environment, name, kind: 'text', value });
      backend.requests.forgetCredentials();
    },
    close: async () => {
      await backend.close();
      await dir.remove();
    },
  };
}

/** Every secret the sandbox samples use, plus values a test put in the vault: none may appear in any output. */
export function sandboxSecrets(extra: readonly string[] = []): string[] {
  const { paynet, momo, centagate, elecsnet } = SANDBOX_CREDENTIALS;
  const pemLines = readSandboxMerchantPrivateKey()
    .split('\n')
    .filter((line) => line.length > 40 && !line.startsWith('-----'));
  return [paynet.clientSecret, momo.subscriptionKey, momo.apiKey, centagate.secretKey, elecsnet.controlKey, PASSPHRASE, ...pemLines, ...extra];
}

export function expectNoSecrets(value: unknown, extra: readonly string[] = []): void {
  expect(leaks(JSON.stringify(value), sandboxSecrets(extra))).toEqual([]);
}

/** A line `name=value` of an Elecsnet answer. */
export function elecsnetLine(body: string, name: string): string {
  const line = body.split('\n').find((l) => l.startsWith(`${name}=`));
  if (line === undefined) throw new Error(`no ${name} in: ${body.slice(0, 300)}`);
  return line.slice(name.length + 1);
}

/** The string CENTAGATE's 10004 answer says it concatenated. */
export function centagateConcatenated(body: string): string {
  const message = (JSON.parse(body) as { message: string }).message;
  const at = message.indexOf('It concatenated: ');
  if (at < 0) throw new Error(`no concatenated string in: ${message}`);
  return JSON.parse(message.slice(at + 'It concatenated: '.length)) as string;
}

/** PayNet's sandbox debug block of a 401. */
export function paynetDebug(body: string): Record<string, string | number | boolean> {
  return (JSON.parse(body) as { sandboxDebug: Record<string, string | number | boolean> }).sandboxDebug;
}
