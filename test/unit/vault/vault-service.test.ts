import { generateKeyPairSync } from 'node:crypto';
import { readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ServiceError } from '../../../main/contract/errors.ts';
import { VaultDocument } from '../../../main/vault/file/vault-document.ts';
import { makeTempDir } from '../../support/temp-dir.ts';
import { FAST_SCRYPT, PASSPHRASE, fakeClipboard, fakeTimers, flipByte, testVault } from './helpers.ts';

let dir: { path: string; remove: () => Promise<void> };
beforeEach(async () => {
  dir = await makeTempDir('countersign-vault-');
});
afterEach(async () => {
  await dir.remove();
});

const vaultFile = () => join(dir.path, 'vault.json');
const readDocument = async () => VaultDocument.parse(JSON.parse(await readFile(vaultFile(), 'utf8')));
const writeDocument = (document: VaultDocument) => writeFile(vaultFile(), JSON.stringify(document));

async function expectServiceError(promise: Promise<unknown>, code: string, message?: RegExp): Promise<ServiceError> {
  const error: unknown = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ServiceError);
  const serviceError = error as ServiceError;
  expect(serviceError.code).toBe(code);
  if (message) expect(serviceError.message).toMatch(message);
  return serviceError;
}

async function seeded() {
  const vault = testVault(dir.path);
  await vault.setup({ passphrase: PASSPHRASE });
  await vault.add({ environment: 'sandbox', name: 'client_secret', kind: 'text', value: 'sandbox-secret-0123456789' });
  await vault.add({ environment: 'sandbox', name: 'api_key', kind: 'text', value: 'sandbox-api-key-abcdef' });
  await vault.add({ environment: 'production', name: 'client_secret', kind: 'text', value: 'production-secret-9876' });
  return vault;
}

describe('vault round trip', () => {
  it('keeps values across a restart and lists metadata only', async () => {
    await (await seeded()).close();

    const reopened = testVault(dir.path);
    expect((await reopened.status()).state).toBe('locked');
    await expectServiceError(reopened.get('sandbox', 'client_secret'), 'locked');
    await reopened.unlock({ passphrase: PASSPHRASE });
    expect(await reopened.get('sandbox', 'client_secret')).toBe('sandbox-secret-0123456789');
    expect(await reopened.get('production', 'client_secret')).toBe('production-secret-9876');

    const listed = reopened.list({ environment: 'sandbox' });
    expect(listed.secrets.map((s) => s.name)).toEqual(['api_key', 'client_secret']);
    expect(listed.secrets[1]).toEqual({
      environment: 'sandbox',
      name: 'client_secret',
      kind: 'text',
      createdAt: '2026-11-23T10:00:00.000Z',
      updatedAt: '2026-11-23T10:00:00.000Z',
      hint: '••••6789',
      hosts: [],
    });
    expect(JSON.stringify(listed)).not.toContain('sandbox-secret');
  });

  it('writes no value in clear to the vault file, and makes it owner-only', async () => {
    await seeded();
    const raw = await readFile(vaultFile(), 'utf8');
    expect(raw).not.toContain('sandbox-secret');
    expect(raw).not.toContain('production-secret');
    expect(raw).toContain('"version": 2');
    if (process.platform !== 'win32') expect((await stat(vaultFile())).mode & 0o777).toBe(0o600);
  });

  it('refuses a name collision, an empty value, and a rotate of a missing secret', async () => {
    const vault = await seeded();
    await expectServiceError(vault.add({ environment: 'sandbox', name: 'client_secret', kind: 'text', value: 'x' }), 'conflict', /already exists/);
    await expectServiceError(vault.add({ environment: 'sandbox', name: 'empty', kind: 'text', value: '  ' }), 'invalid_input', /empty/);
    await expectServiceError(vault.rotate({ environment: 'uat', name: 'client_secret', value: 'x' }), 'not_found');
  });

  it('stores a 1 MiB certificate bundle and gives no hint for it', async () => {
    const vault = testVault(dir.path);
    await vault.setup({ passphrase: PASSPHRASE });
    const pem = `-----BEGIN CERTIFICATE-----\n${'M'.repeat(1024 * 1024)}\n-----END CERTIFICATE-----\n`;
    const meta = await vault.add({ environment: 'uat', name: 'signing_key', kind: 'certificate', value: pem });
    expect(meta.hint).toBeNull();
    await vault.close();
    const reopened = testVault(dir.path);
    await reopened.unlock({ passphrase: PASSPHRASE });
    expect(await reopened.get('uat', 'signing_key')).toBe(pem);
  });

  it('rotates a value keeping its creation date, and deletes', async () => {
    let now = new Date('2026-01-01T00:00:00.000Z');
    const vault = testVault(dir.path, { clock: () => now });
    await vault.setup({ passphrase: PASSPHRASE });
    await vault.add({ environment: 'uat', name: 'key', kind: 'passphrase', value: 'first value' });
    now = new Date('2026-02-01T00:00:00.000Z');
    const rotated = await vault.rotate({ environment: 'uat', name: 'key', value: 'second value' });
    expect(rotated).toMatchObject({ createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-02-01T00:00:00.000Z', hint: null });
    expect(await vault.get('uat', 'key')).toBe('second value');
    await vault.remove({ environment: 'uat', name: 'key', confirm: true });
    await expectServiceError(vault.get('uat', 'key'), 'secret_missing', /no secret "key" in environment "uat"/);
  });
});

describe('passphrase', () => {
  it('fails cleanly on a wrong passphrase and changes nothing', async () => {
    await (await seeded()).close();
    const before = await readFile(vaultFile());
    const vault = testVault(dir.path);
    const error = await expectServiceError(vault.unlock({ passphrase: 'not the passphrase' }), 'forbidden', /wrong/);
    expect(error.message).not.toContain('not the passphrase');
    expect((await vault.status()).state).toBe('locked');
    expect((await readFile(vaultFile())).equals(before)).toBe(true);
    await vault.unlock({ passphrase: PASSPHRASE });
    expect(await vault.get('sandbox', 'api_key')).toBe('sandbox-api-key-abcdef');
  });

  it('changing it rewraps only the data key and keeps every secret readable', async () => {
    const vault = await seeded();
    const before = await readDocument();
    await expectServiceError(vault.setPassphrase({ current: 'wrong one!', next: 'a new passphrase' }), 'forbidden');
    expect(await readDocument()).toEqual(before);
    await vault.setPassphrase({ current: PASSPHRASE, next: 'a new passphrase' });
    const after = await readDocument();
    expect(after.secrets).toEqual(before.secrets);
    expect(after.wrappers).not.toEqual(before.wrappers);
    await vault.close();

    const reopened = testVault(dir.path);
    await expectServiceError(reopened.unlock({ passphrase: PASSPHRASE }), 'forbidden');
    await reopened.unlock({ passphrase: 'a new passphrase' });
    expect(await reopened.get('sandbox', 'client_secret')).toBe('sandbox-secret-0123456789');
    expect(await reopened.get('sandbox', 'api_key')).toBe('sandbox-api-key-abcdef');
    expect(await reopened.get('production', 'client_secret')).toBe('production-secret-9876');
  });

  it('stores the scrypt parameters with the wrapper', async () => {
    await seeded();
    const wrapper = (await readDocument()).wrappers.find((w) => w.type === 'passphrase');
    expect(wrapper?.kdf).toMatchObject({ name: 'scrypt', ...FAST_SCRYPT });
  });

  it('without a keychain, setup requires a passphrase and says why', async () => {
    const vault = testVault(dir.path);
    const status = await vault.status();
    expect(status.state).toBe('absent');
    expect(status.protection.passphraseRequired).toBe(true);
    expect(status.protection.passphraseRequiredReason).toMatch(/passphrase/);
    await expectServiceError(vault.setup({}), 'invalid_input', /passphrase is required/);
  });
});

describe('tampering', () => {
  it('flipping any byte of a secret ciphertext, nonce or tag gives an authentication error', async () => {
    const vault = testVault(dir.path);
    await vault.setup({ passphrase: PASSPHRASE });
    await vault.add({ environment: 'sandbox', name: 'short', kind: 'text', value: 'tiny' });
    await vault.close();
    const good = await readDocument();
    const record = good.secrets[0]!;
    for (const field of ['ciphertext', 'nonce', 'tag'] as const) {
      const length = Buffer.from(record[field], 'base64').length;
      for (let i = 0; i < length; i++) {
        await writeDocument({ ...good, secrets: [{ ...record, [field]: flipByte(record[field], i) }] });
        const opened = testVault(dir.path);
        await opened.unlock({ passphrase: PASSPHRASE });
        // Damaged, naming the entry: never reported as missing or locked.
        await expectServiceError(opened.get('sandbox', 'short'), 'vault_damaged', /"short" in environment "sandbox" is damaged/);
      }
    }
  });

  it('flipping any byte of the wrapped key, its nonce or tag gives an authentication error', async () => {
    await (await seeded()).close();
    const good = await readDocument();
    const wrapper = good.wrappers[0]!;
    if (wrapper.type !== 'passphrase') throw new Error('expected a passphrase wrapper');
    for (const field of ['wrappedKey', 'nonce', 'tag'] as const) {
      const length = Buffer.from(wrapper[field], 'base64').length;
      for (let i = 0; i < length; i++) {
        await writeDocument({ ...good, wrappers: [{ ...wrapper, [field]: flipByte(wrapper[field], i) }] });
        const opened = testVault(dir.path);
        await expectServiceError(opened.unlock({ passphrase: PASSPHRASE }), 'failed', /failed authentication/);
        expect((await opened.status()).state).toBe('locked');
      }
    }
  });

  it('swapping two entries ciphertexts fails for both', async () => {
    await (await seeded()).close();
    const good = await readDocument();
    const [a, b, c] = good.secrets as [VaultDocument['secrets'][number], VaultDocument['secrets'][number], VaultDocument['secrets'][number]];
    const sealedOf = (r: typeof a) => ({ nonce: r.nonce, ciphertext: r.ciphertext, tag: r.tag });
    await writeDocument({ ...good, secrets: [{ ...a, ...sealedOf(b) }, { ...b, ...sealedOf(a) }, c] });
    const opened = testVault(dir.path);
    await opened.unlock({ passphrase: PASSPHRASE });
    await expectServiceError(opened.get(a.environment, a.name), 'vault_damaged', /authentication/);
    await expectServiceError(opened.get(b.environment, b.name), 'vault_damaged', /authentication/);
    expect(await opened.get(c.environment, c.name)).toBe('production-secret-9876');
  });

  it('an edited hint or a removed entry is reported as tampered, and the file is kept', async () => {
    await (await seeded()).close();
    const good = await readDocument();
    for (const altered of [
      { ...good, secrets: good.secrets.slice(1) },
      { ...good, secrets: good.secrets.map((s, i) => (i === 0 ? { ...s, hint: '••••0000' } : s)) },
      { ...good, autoLockMinutes: 0 },
    ]) {
      await writeDocument(altered);
      const before = await readFile(vaultFile());
      const opened = testVault(dir.path);
      await expectServiceError(opened.unlock({ passphrase: PASSPHRASE }), 'vault_damaged', /tampered/);
      const status = await opened.status();
      expect(status.state).toBe('damaged');
      expect(status.problem?.code).toBe('tampered');
      expect((await readFile(vaultFile())).equals(before)).toBe(true);
    }
  });
});

describe('damaged files and backups', () => {
  it('names a truncated file, keeps it, and restores the last good backup', async () => {
    const vault = await seeded();
    await vault.add({ environment: 'uat', name: 'later', kind: 'text', value: 'added-last-value' });
    await vault.close();
    const full = await readFile(vaultFile());
    const truncated = full.subarray(0, Math.floor(full.length / 2));
    await writeFile(vaultFile(), truncated);

    const opened = testVault(dir.path);
    const status = await opened.status();
    expect(status.state).toBe('damaged');
    expect(status.problem).toMatchObject({ code: 'truncated', file: vaultFile() });
    await expectServiceError(opened.unlock({ passphrase: PASSPHRASE }), 'vault_damaged', /truncated/);
    expect((await readFile(vaultFile())).equals(truncated)).toBe(true);

    const { backups } = await opened.localBackups();
    expect(backups.length).toBeGreaterThan(0);
    // Newest first: the state just before the last write (three secrets).
    expect(backups[0]!.secretCount).toBe(3);
    await opened.restoreLocalBackup({ id: backups[0]!.id });
    await opened.unlock({ passphrase: PASSPHRASE });
    expect(opened.list({}).secrets).toHaveLength(3);
    expect(await opened.get('sandbox', 'client_secret')).toBe('sandbox-secret-0123456789');
    const kept = (await import('node:fs/promises')).readdir(dir.path);
    expect((await kept).some((name) => name.startsWith('vault.json.replaced-'))).toBe(true);
  });

  it('names each kind of damage', async () => {
    await (await seeded()).close();
    const good = JSON.parse(await readFile(vaultFile(), 'utf8')) as Record<string, unknown>;
    const cases: [string, string][] = [
      ['', 'empty'],
      ['{"format": "countersign-vault", "vers', 'truncated'],
      ['{not json}', 'not_json'],
      ['{"hello": 1}', 'not_a_vault'],
      [JSON.stringify({ ...good, version: 7 }), 'newer_version'],
      [JSON.stringify({ ...good, secrets: [{ name: 'x' }] }), 'invalid_structure'],
    ];
    for (const [content, code] of cases) {
      await writeFile(vaultFile(), content);
      const status = await testVault(dir.path).status();
      expect(status.state, code).toBe('damaged');
      expect(status.problem?.code).toBe(code);
    }
  });

  it('keeps only a few rotated backups', async () => {
    const vault = testVault(dir.path, { keepBackups: 3 });
    await vault.setup({ passphrase: PASSPHRASE });
    for (let i = 0; i < 6; i++) await vault.add({ environment: 'e', name: `n${i}`, kind: 'text', value: `value-${i}` });
    const { backups } = await vault.localBackups();
    expect(backups.map((b) => b.secretCount)).toEqual([5, 4, 3]);
  });

  it('refuses to restore while unlocked, and refuses names outside the backup folder', async () => {
    const vault = await seeded();
    const { backups } = await vault.localBackups();
    await expectServiceError(vault.restoreLocalBackup({ id: backups[0]!.id }), 'conflict');
    await vault.lock();
    await expectServiceError(vault.restoreLocalBackup({ id: '../vault.json' }), 'not_found');
    await expectServiceError(vault.restoreLocalBackup({ id: 'vault-20260101T000000000Z-99.json' }), 'not_found');
  });

  it('takes in a change made by another process instead of locking or overwriting it', async () => {
    const first = await seeded();
    const second = testVault(dir.path);
    await second.unlock({ passphrase: PASSPHRASE });
    await second.add({ environment: 'uat', name: 'from_second', kind: 'text', value: 'second-process' });
    // The first process still reads the other's secret, stays unlocked, and its own write keeps both.
    expect(await first.get('uat', 'from_second')).toBe('second-process');
    await first.add({ environment: 'uat', name: 'from_first', kind: 'text', value: 'first-process' });
    expect((await first.status()).state).toBe('unlocked');
    await second.refresh();
    expect(second.list({ environment: 'uat' }).secrets.map((s) => s.name)).toEqual(['from_first', 'from_second']);
    const fresh = testVault(dir.path);
    await fresh.unlock({ passphrase: PASSPHRASE });
    expect(await fresh.get('uat', 'from_first')).toBe('first-process');
    expect(await fresh.get('uat', 'from_second')).toBe('second-process');
  });

  it('a change on a stale view is checked against the latest file (no duplicate, no resurrected entry)', async () => {
    const first = await seeded();
    const second = testVault(dir.path);
    await second.unlock({ passphrase: PASSPHRASE });
    await second.add({ environment: 'uat', name: 'same', kind: 'text', value: 'from-second' });
    await expect(first.add({ environment: 'uat', name: 'same', kind: 'text', value: 'from-first' })).rejects.toMatchObject({ code: 'conflict' });
    await second.remove({ environment: 'sandbox', name: 'api_key', confirm: true });
    await first.rotate({ environment: 'sandbox', name: 'client_secret', value: 'rotated-by-first' });
    const fresh = testVault(dir.path);
    await fresh.unlock({ passphrase: PASSPHRASE });
    expect(fresh.list({ environment: 'sandbox' }).secrets.map((s) => s.name)).toEqual(['client_secret']);
    expect(await fresh.get('uat', 'same')).toBe('from-second');
  });
});

describe('why a secret cannot be had', () => {
  it('tells no vault, locked, missing and damaged apart, each with its own code', async () => {
    const none = testVault(dir.path);
    await expectServiceError(none.get('UAT', 'client_secret'), 'vault_absent', /no vault yet/);
    // Storing (a generated key, a flow's capture) says the same.
    await expectServiceError(none.add({ environment: 'UAT', name: 'k', kind: 'text', value: 'some-value-123' }), 'vault_absent');
    const vault = await seeded();
    await expectServiceError(vault.get('UAT', 'client_secret'), 'secret_missing', /"client_secret" in environment "UAT".*countersign vault set client_secret --env UAT/);
    await vault.lock();
    await expectServiceError(vault.get('sandbox', 'client_secret'), 'locked', /Unlock/);
    await writeFile(vaultFile(), '{"format": "countersign-vault", "vers');
    await expectServiceError(vault.get('sandbox', 'client_secret'), 'vault_damaged', /truncated.*vault restore/);
  });

  it('another process damaging the file ends the session with "damaged", not "missing"', async () => {
    const vault = await seeded();
    const good = await readDocument();
    await writeDocument({ ...good, secrets: good.secrets.slice(1) });
    await expectServiceError(vault.get('sandbox', 'api_key'), 'vault_damaged', /tampered/);
    expect((await vault.status()).state).toBe('damaged');
  });
});

describe('RSA keys in the vault', () => {
  it('refuses a key under 2048 bits on add and rotate, and anything that is not a key', async () => {
    const vault = testVault(dir.path);
    await vault.setup({ passphrase: PASSPHRASE });
    const small = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const good = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    await expectServiceError(vault.add({ environment: 'uat', name: 'k', kind: 'rsa_private_key', value: small }), 'invalid_input', /1024 bits.*at least 2048/);
    await expectServiceError(vault.add({ environment: 'uat', name: 'k', kind: 'rsa_private_key', value: 'not a key at all' }), 'invalid_input');
    await vault.add({ environment: 'uat', name: 'k', kind: 'rsa_private_key', value: good });
    await expectServiceError(vault.rotate({ environment: 'uat', name: 'k', value: small }), 'invalid_input', /at least 2048/);
    expect(await vault.get('uat', 'k')).toBe(good);
  });
});

describe('lock, auto-lock and clipboard', () => {
  it('auto-locks after the idle time and zeroes the data key', async () => {
    const timers = fakeTimers();
    const keys: Buffer[] = [];
    const random = (size: number) => {
      const bytes = Buffer.alloc(size, 7);
      keys.push(bytes);
      return bytes;
    };
    const changes: string[] = [];
    const vault = testVault(dir.path, { timers, randomBytes: random, onChange: (c) => changes.push(c.reason) });
    await vault.setup({ passphrase: PASSPHRASE });
    const dataKey = keys[0]!;
    expect(dataKey.length).toBe(32);
    await vault.setAutoLock({ minutes: 5 });
    timers.advance(4 * 60_000);
    vault.list({});
    timers.advance(4 * 60_000);
    expect((await vault.status()).state).toBe('unlocked');
    timers.advance(60_000);
    await vi.waitFor(async () => expect((await vault.status()).state).toBe('locked'));
    expect(dataKey.every((byte) => byte === 0)).toBe(true);
    await vi.waitFor(() => expect(changes).toContain('auto_locked'));
  });

  it('copies from main without returning the value and clears the clipboard after 30 s if unchanged', async () => {
    const timers = fakeTimers();
    const clipboard = fakeClipboard();
    const vault = testVault(dir.path, { timers, clipboard });
    await vault.setup({ passphrase: PASSPHRASE });
    await vault.add({ environment: 'sandbox', name: 'token', kind: 'text', value: 'copy-me-please' });

    const result = await vault.copyToClipboard({ environment: 'sandbox', name: 'token' });
    expect(result).toEqual({ clearsAfterSeconds: 30 });
    expect(clipboard.text).toBe('copy-me-please');
    timers.advance(29_000);
    expect(clipboard.text).toBe('copy-me-please');
    timers.advance(1_000);
    await new Promise((resolve) => setImmediate(resolve));
    expect(clipboard.text).toBe('');

    await vault.copyToClipboard({ environment: 'sandbox', name: 'token' });
    clipboard.text = 'something the user copied';
    timers.advance(30_000);
    await new Promise((resolve) => setImmediate(resolve));
    expect(clipboard.text).toBe('something the user copied');
  });

  it('clears a pending copy on lock', async () => {
    const clipboard = fakeClipboard();
    const vault = testVault(dir.path, { clipboard });
    await vault.setup({ passphrase: PASSPHRASE });
    await vault.add({ environment: 'sandbox', name: 'token', kind: 'text', value: 'copy-me-please' });
    await vault.copyToClipboard({ environment: 'sandbox', name: 'token' });
    await vault.lock();
    expect(clipboard.text).toBe('');
  });
});

describe('backup export and import', () => {
  it('needs the vault\'s own passphrase and writes the file itself, returning only its path', async () => {
    const source = await seeded();
    const folder = await makeTempDir('countersign-vault-backup-');
    try {
      await expectServiceError(source.exportBackup({ passphrase: 'a passphrase I just chose', directory: folder.path }), 'forbidden', /vault passphrase is wrong/);
      expect(await readdir(folder.path)).toEqual([]);
      await expectServiceError(source.exportBackup({ passphrase: PASSPHRASE, directory: 'relative/dir' }), 'invalid_input', /absolute/);
      const saved = await source.exportBackup({ passphrase: PASSPHRASE, directory: folder.path });
      expect(saved).toEqual({ path: join(folder.path, 'countersign-vault-backup-2026-11-23.json'), secretCount: 3 });
      expect(Object.keys(saved)).toEqual(['path', 'secretCount']);
      if (process.platform !== 'win32') expect((await stat(saved.path)).mode & 0o777).toBe(0o600);
      // A second backup the same day never replaces the first.
      expect((await source.exportBackup({ passphrase: PASSPHRASE, directory: folder.path })).path).toBe(join(folder.path, 'countersign-vault-backup-2026-11-23 (1).json'));
    } finally {
      await folder.remove();
    }
  });

  it('in the desktop app, asks the native Save dialog where to write; a cancel writes nothing', async () => {
    const folder = await makeTempDir('countersign-vault-backup-');
    try {
      const asked: string[] = [];
      let answer: string | null = null;
      const vault = testVault(dir.path, { backupDir: () => '/nonexistent/downloads', chooseBackupPath: (defaultPath) => (asked.push(defaultPath), Promise.resolve(answer)) });
      await vault.setup({ passphrase: PASSPHRASE });
      await expectServiceError(vault.exportBackup({ passphrase: 'wrong passphrase' }), 'forbidden');
      expect(asked).toEqual([]);
      await expectServiceError(vault.exportBackup({ passphrase: PASSPHRASE }), 'invalid_input', /No file was chosen/);
      expect(asked).toEqual(['/nonexistent/downloads/countersign-vault-backup-2026-11-23.json']);
      answer = join(folder.path, 'mine.json');
      expect(await vault.exportBackup({ passphrase: PASSPHRASE })).toEqual({ path: answer, secretCount: 0 });
    } finally {
      await folder.remove();
    }
  });

  it('names the short values a backup brings in, as adding one says why they are weak, and never their values', async () => {
    const source = testVault(dir.path);
    await source.setup({ passphrase: PASSPHRASE });
    await source.add({ environment: 'UAT', name: 'merchant.pin', kind: 'text', value: '7391' });
    await source.add({ environment: 'UAT', name: 'client_secret', kind: 'text', value: 'long-enough-secret-value' });
    const folder = await makeTempDir('countersign-vault-backup-');
    const other = await makeTempDir('countersign-vault-other-');
    try {
      const saved = await source.exportBackup({ passphrase: PASSPHRASE, directory: folder.path });
      const content = await readFile(saved.path, 'utf8');
      const target = testVault(other.path);
      await target.setup({ passphrase: PASSPHRASE });
      const result = await target.importBackup({ content, passphrase: PASSPHRASE, onConflict: 'skip' });
      expect(result.added).toBe(2);
      expect(result.notice).toMatch(/^merchant\.pin \(UAT\) is shorter than 6 characters: .*whole word.*easy to guess/);
      expect(result.notice).not.toContain('client_secret');
      expect(JSON.stringify(result)).not.toContain('7391');
      // Skipped on a second import: nothing stored, nothing to say.
      expect(await target.importBackup({ content, passphrase: PASSPHRASE, onConflict: 'skip' })).toEqual({ added: 0, replaced: 0, skipped: 2 });
    } finally {
      await folder.remove();
      await other.remove();
    }
  });

  it('moves every secret to a new vault, opened with the source vault\'s passphrase', async () => {
    const source = await seeded();
    const folder = await makeTempDir('countersign-vault-backup-');
    const saved = await source.exportBackup({ passphrase: PASSPHRASE, directory: folder.path });
    const exported = { content: await readFile(saved.path, 'utf8') };
    await folder.remove();
    expect(exported.content).not.toContain('sandbox-secret');

    const other = await makeTempDir('countersign-vault-other-');
    try {
      const target = testVault(other.path);
      await target.setup({ passphrase: 'another machine passphrase' });
      await target.add({ environment: 'sandbox', name: 'api_key', kind: 'text', value: 'already-here-value' });
      await expectServiceError(
        target.importBackup({ content: exported.content, passphrase: 'another machine passphrase', onConflict: 'skip' }),
        'forbidden',
        /backup passphrase is wrong/,
      );
      const tampered = exported.content.replace('"hint": "••••6789"', '"hint": "••••0000"');
      expect(tampered).not.toBe(exported.content);
      await expectServiceError(target.importBackup({ content: tampered, passphrase: PASSPHRASE, onConflict: 'skip' }), 'invalid_input', /altered/);
      await expectServiceError(target.importBackup({ content: '{"trunc', passphrase: PASSPHRASE, onConflict: 'skip' }), 'invalid_input', /truncated/);

      const result = await target.importBackup({ content: exported.content, passphrase: PASSPHRASE, onConflict: 'skip' });
      expect(result).toEqual({ added: 2, replaced: 0, skipped: 1 });
      expect(await target.get('sandbox', 'api_key')).toBe('already-here-value');
      expect(await target.get('production', 'client_secret')).toBe('production-secret-9876');
      const replaced = await target.importBackup({ content: exported.content, passphrase: PASSPHRASE, onConflict: 'replace' });
      expect(replaced).toEqual({ added: 0, replaced: 3, skipped: 0 });
      expect(await target.get('sandbox', 'api_key')).toBe('sandbox-api-key-abcdef');
    } finally {
      await other.remove();
    }
  });
});

describe('what leaves the service', () => {
  it('never carries a value in statuses, lists, events or errors', async () => {
    const seen: unknown[] = [];
    const vault = testVault(dir.path, { onChange: (change) => seen.push(change) });
    const value = 'very-secret-value-4242';
    seen.push(await vault.setup({ passphrase: PASSPHRASE }));
    seen.push(await vault.add({ environment: 'sandbox', name: 'client_secret', kind: 'text', value }));
    seen.push(vault.list({}));
    seen.push(await vault.status());
    for (const attempt of [
      vault.add({ environment: 'sandbox', name: 'client_secret', kind: 'text', value }),
      vault.unlock({ passphrase: value }),
      vault.setPassphrase({ current: value, next: value }),
    ]) {
      seen.push(await attempt.catch((error: unknown) => ({ message: (error as Error).message })));
    }
    await vi.waitFor(() => expect(seen.filter((item) => typeof item === 'object' && item !== null && 'reason' in item).length).toBeGreaterThanOrEqual(2));
    const text = JSON.stringify(seen);
    expect(seen.length).toBeGreaterThan(6);
    expect(text).not.toContain(value);
  });
});
