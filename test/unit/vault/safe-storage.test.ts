import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ServiceError } from '../../../main/contract/errors.ts';
import { assessSafeStorage } from '../../../main/vault/wrappers/safe-storage.ts';
import { makeTempDir } from '../../support/temp-dir.ts';
import { PASSPHRASE, fakeSafeStorage, testVault } from './helpers.ts';

let dir: { path: string; remove: () => Promise<void> };
beforeEach(async () => {
  dir = await makeTempDir('countersign-vault-ss-');
});
afterEach(async () => {
  await dir.remove();
});

const wrapperTypes = async () =>
  (JSON.parse(await readFile(join(dir.path, 'vault.json'), 'utf8')) as { wrappers: { type: string }[] }).wrappers.map((w) => w.type).sort();

describe('assessing safeStorage', () => {
  it('treats basic_text on Linux as no protection and says why', () => {
    const result = assessSafeStorage(fakeSafeStorage('basic_text'), 'linux');
    expect(result).toMatchObject({ available: true, backend: 'basic_text', protects: false });
    expect(result.note).toMatch(/basic_text.*protects nothing.*passphrase is required/);
  });

  it('treats an unknown or missing Linux backend as no protection', () => {
    expect(assessSafeStorage(fakeSafeStorage('unknown'), 'linux')).toMatchObject({ protects: false, backend: 'unknown' });
    expect(assessSafeStorage(fakeSafeStorage(undefined), 'linux')).toMatchObject({ protects: false, backend: 'unknown' });
  });

  it('trusts a real keyring backend, macOS and Windows', () => {
    expect(assessSafeStorage(fakeSafeStorage('gnome_libsecret'), 'linux')).toMatchObject({ protects: true, backend: 'gnome_libsecret' });
    expect(assessSafeStorage(fakeSafeStorage('kwallet6'), 'linux').protects).toBe(true);
    expect(assessSafeStorage(fakeSafeStorage(undefined), 'darwin').protects).toBe(true);
    expect(assessSafeStorage(fakeSafeStorage(undefined), 'win32').protects).toBe(true);
  });

  it('reports no protection when encryption is unavailable or there is no safeStorage (browser mode, CLI)', () => {
    expect(assessSafeStorage(fakeSafeStorage('gnome_libsecret', false), 'linux')).toMatchObject({ available: false, protects: false });
    expect(assessSafeStorage(undefined, 'linux')).toMatchObject({ available: false, protects: false });
  });
});

describe('the safeStorage key wrapper', () => {
  it('sets up without a passphrase and reopens without one when the keyring protects', async () => {
    const keyring = fakeSafeStorage('gnome_libsecret');
    const vault = testVault(dir.path, { safeStorage: keyring });
    const status = await vault.setup({});
    expect(status.protection).toMatchObject({ passphraseRequired: false, passphrase: { set: false } });
    expect(status.protection.safeStorage).toMatchObject({ inUse: true, backend: 'gnome_libsecret' });
    await vault.add({ environment: 'sandbox', name: 'k', kind: 'text', value: 'kept-by-keyring' });
    await vault.close();
    expect(await wrapperTypes()).toEqual(['safe-storage']);

    const reopened = testVault(dir.path, { safeStorage: keyring });
    await reopened.unlock({});
    expect(await reopened.get('sandbox', 'k')).toBe('kept-by-keyring');

    // Another machine's keyring cannot open it, and the CLI (no keyring) needs a passphrase that was never set.
    const elsewhere = testVault(dir.path, { safeStorage: fakeSafeStorage('gnome_libsecret') });
    await expect(elsewhere.unlock({})).rejects.toMatchObject({ code: 'locked' });
    await expect(testVault(dir.path).unlock({})).rejects.toMatchObject({ code: 'locked' });
  });

  it('with basic_text, requires a passphrase, does not wrap with safeStorage, and says why', async () => {
    const keyring = fakeSafeStorage('basic_text');
    const vault = testVault(dir.path, { safeStorage: keyring });
    const error = await vault.setup({}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServiceError);
    expect((error as ServiceError).message).toMatch(/passphrase is required.*basic_text/);

    const status = await vault.setup({ passphrase: PASSPHRASE });
    expect(status.protection).toMatchObject({ passphraseRequired: true, safeStorage: { inUse: false, protects: false } });
    expect(status.protection.passphraseRequiredReason).toMatch(/basic_text/);
    await vault.close();
    expect(await wrapperTypes()).toEqual(['passphrase']);

    const reopened = testVault(dir.path, { safeStorage: keyring });
    await expect(reopened.unlock({})).rejects.toMatchObject({ code: 'locked', message: expect.stringMatching(/basic_text/) as unknown });
    await reopened.unlock({ passphrase: PASSPHRASE });
  });

  it('adds the keyring wrapper when a passphrase vault is opened where the keyring protects', async () => {
    const cli = testVault(dir.path);
    await cli.setup({ passphrase: PASSPHRASE });
    await cli.add({ environment: 'uat', name: 'k', kind: 'text', value: 'from-the-cli' });
    await cli.close();

    const keyring = fakeSafeStorage('kwallet5');
    const desktop = testVault(dir.path, { safeStorage: keyring });
    const before = await desktop.status();
    expect(before.protection).toMatchObject({ passphraseRequired: true, safeStorage: { protects: true, inUse: false } });
    expect(before.protection.passphraseRequiredReason).toMatch(/keychain does not hold/);
    await desktop.unlock({ passphrase: PASSPHRASE });
    expect((await desktop.status()).protection).toMatchObject({ passphraseRequired: false, safeStorage: { inUse: true } });
    await desktop.close();
    expect(await wrapperTypes()).toEqual(['passphrase', 'safe-storage']);

    const nextStart = testVault(dir.path, { safeStorage: keyring });
    await nextStart.unlock({});
    expect(await nextStart.get('uat', 'k')).toBe('from-the-cli');
    // The passphrase still opens it from the CLI.
    const cliAgain = testVault(dir.path);
    await cliAgain.unlock({ passphrase: PASSPHRASE });
    expect(await cliAgain.get('uat', 'k')).toBe('from-the-cli');
  });

  it('an altered keychain record fails to unlock without marking the vault damaged; the passphrase still opens it', async () => {
    const keyring = fakeSafeStorage('gnome_libsecret');
    const vault = testVault(dir.path, { safeStorage: keyring });
    await vault.setup({ passphrase: PASSPHRASE });
    await vault.add({ environment: 'sandbox', name: 'k', kind: 'text', value: 'still-readable' });
    await vault.close();
    const file = join(dir.path, 'vault.json');
    const document = JSON.parse(await readFile(file, 'utf8')) as { wrappers: { type: string; blob?: string }[] };
    const wrapper = document.wrappers.find((w) => w.type === 'safe-storage')!;
    // Re-encrypt a different 32-byte key: well-formed, but not this vault's.
    wrapper.blob = keyring.encryptString(Buffer.alloc(32, 9).toString('base64')).toString('base64');
    await writeFile(file, JSON.stringify(document));

    const reopened = testVault(dir.path, { safeStorage: keyring });
    await expect(reopened.unlock({})).rejects.toMatchObject({ code: 'locked', message: expect.stringMatching(/keychain/) as unknown });
    expect((await reopened.status()).state).toBe('locked');
    await reopened.unlock({ passphrase: PASSPHRASE });
    expect(await reopened.get('sandbox', 'k')).toBe('still-readable');
  });

  it('a keychain-only vault can be given a passphrase without a current one, and the CLI then opens it', async () => {
    const keyring = fakeSafeStorage('gnome_libsecret');
    const desktop = testVault(dir.path, { safeStorage: keyring });
    await desktop.setup({});
    await desktop.add({ environment: 'uat', name: 'k', kind: 'text', value: 'now-for-the-cli' });
    const status = await desktop.setPassphrase({ next: PASSPHRASE });
    expect(status.protection).toMatchObject({ passphrase: { set: true }, safeStorage: { inUse: true } });
    await desktop.close();

    const cli = testVault(dir.path);
    await cli.unlock({ passphrase: PASSPHRASE });
    expect(await cli.get('uat', 'k')).toBe('now-for-the-cli');
    await expect(cli.setPassphrase({ next: 'another passphrase' })).rejects.toMatchObject({ code: 'invalid_input' });
  });
});
