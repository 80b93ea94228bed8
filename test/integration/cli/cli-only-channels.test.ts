import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliChannels } from '../../../main/contract/cli.ts';
import type { Door } from '../../../main/contract/cli.ts';
import { readSandboxMerchantPrivateKey } from '../../../main/sandbox/credentials.ts';
import type { Backend } from '../../../main/services/backend.ts';
import { testBackend } from '../../support/backend.ts';
import { makeTempDir } from '../../support/temp-dir.ts';

const PASSPHRASE = 'door test passphrase 51c2';
const KEY = { environment: 'UAT', name: 'merchant' };

// The cli: channels take what only a terminal user may choose (files main writes, overrides for every send of the
// process, the unlock agent's key): the window and browser mode must be refused before any handler runs.
describe('channels only the CLI may call', () => {
  let dir: Awaited<ReturnType<typeof makeTempDir>>;
  let backend: Backend;
  const invoke = (door: Door, name: string, input: unknown) => backend.dispatcher.invoke(name, input, { door });

  beforeAll(async () => {
    dir = await makeTempDir();
    backend = testBackend(join(dir.path, 'data'));
    await backend.dispatcher.call('vault:setup', { passphrase: PASSPHRASE });
    await backend.dispatcher.call('keys:import', { ...KEY, material: { encoding: 'pem', text: readSandboxMerchantPrivateKey() } });
  });
  afterAll(async () => {
    await backend.close();
    await dir.remove();
  });

  const validInputs: { [K in keyof typeof cliChannels]: () => unknown } = {
    'cli:send': () => ({ requestId: 'r1', environmentId: 'e1', variables: { a: 'b' } }),
    'cli:sign': () => ({ requestId: 'r1', environmentId: 'e1' }),
    'cli:run-flow': () => ({ collectionId: 'c1', flowId: 'f1', environmentId: 'e1', saveDirectory: join(dir.path, 'flow-out') }),
    'cli:network-override': () => ({ proxyUrl: 'http://127.0.0.1:9', insecure: true }),
    'cli:unlock-with-agent': () => ({}),
    'cli:export-private-key': () => ({ ...KEY, format: 'pkcs1', acknowledgeUnencrypted: true, file: join(dir.path, 'refused.pem'), overwrite: true }),
    'cli:workspace-to-folder': () => ({ dir: join(dir.path, 'refused-folder') }),
  };

  for (const name of Object.keys(validInputs) as (keyof typeof validInputs)[]) {
    for (const door of ['electron', 'browser', 'test'] as const) {
      it(`refuses ${name} from the ${door} door, even with valid input`, async () => {
        const envelope = await invoke(door, name, validInputs[name]());
        expect(envelope).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      });
    }
  }

  it('ran none of them for the refused doors: no file, no folder', () => {
    expect(existsSync(join(dir.path, 'refused.pem'))).toBe(false);
    expect(existsSync(join(dir.path, 'refused-folder'))).toBe(false);
    expect(existsSync(join(dir.path, 'flow-out'))).toBe(false);
  });

  it('covers every cli: channel of the contract', () => {
    expect(Object.keys(validInputs).sort()).toEqual(Object.keys(cliChannels).sort());
  });

  it('lets the CLI export a private key to a file main writes (0600), without the key in the answer', async () => {
    const file = join(dir.path, 'merchant.pem');
    const envelope = await invoke('cli', 'cli:export-private-key', { ...KEY, format: 'pkcs1', acknowledgeUnencrypted: true, file, overwrite: false });
    expect(envelope).toMatchObject({ ok: true, value: { path: file, encrypted: false } });
    expect(JSON.stringify(envelope)).not.toMatch(/PRIVATE KEY|MII/);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    // openssl, not our code, says the file holds a sound RSA key.
    expect(execFileSync('openssl', ['rsa', '-in', file, '-check', '-noout'], { encoding: 'utf8' })).toMatch(/RSA key ok/);
  });

  it('refuses to replace an existing file unless asked, and leaves it as it was', async () => {
    const file = join(dir.path, 'taken.pem');
    writeFileSync(file, 'keep me\n');
    const refused = await invoke('cli', 'cli:export-private-key', { ...KEY, format: 'pkcs8', file, overwrite: false });
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(readFileSync(file, 'utf8')).toBe('keep me\n');
    const replaced = await invoke('cli', 'cli:export-private-key', { ...KEY, format: 'pkcs8', file, overwrite: true });
    expect(replaced.ok).toBe(true);
    expect(readFileSync(file, 'utf8')).toMatch(/^-----BEGIN PRIVATE KEY-----/);
  });
});
