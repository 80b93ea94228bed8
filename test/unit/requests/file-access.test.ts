import { mkdirSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import { realpath } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkBodyFile, neverReadPlaces, openBodyFile, openChecked, type BodyFileRules } from '../../../main/requests/file-access.ts';
import { buildFileBody } from '../../../main/requests/file-body.ts';
import { makeTempDir } from '../../support/temp-dir.ts';

describe('which local files a request body may read', () => {
  let root = '';
  let remove = () => Promise.resolve();
  let allowed = '';
  let outside = '';
  let dataDir = '';
  let home = '';
  beforeEach(async () => {
    const made = await makeTempDir('countersign-file-access-');
    // realpath: the OS temp folder may itself be a link (macOS /tmp).
    root = await realpath(made.path);
    remove = made.remove;
    allowed = join(root, 'uploads');
    outside = join(root, 'elsewhere');
    dataDir = join(root, 'data');
    home = join(root, 'home');
    for (const dir of [allowed, outside, dataDir, home, join(home, '.ssh')]) mkdirSync(dir, { recursive: true });
    writeFileSync(join(allowed, 'invoice.pdf'), 'PDF');
    writeFileSync(join(outside, 'secret.txt'), 'SECRET');
    writeFileSync(join(dataDir, 'vault.json'), '{"vault":1}');
    writeFileSync(join(home, '.ssh', 'id_rsa'), 'PRIVATE KEY');
  });
  afterEach(() => remove());

  const rules = (extra: Partial<BodyFileRules> = {}): BodyFileRules => ({ allowed: () => [allowed], never: () => neverReadPlaces(dataDir, home), caseInsensitive: false, ...extra });

  it('allows a file inside an allowed folder and refuses one outside, offering its folder', async () => {
    expect(await checkBodyFile(join(allowed, 'invoice.pdf'), rules())).toEqual({ kind: 'allowed', real: join(allowed, 'invoice.pdf') });
    expect(await checkBodyFile(join(outside, 'secret.txt'), rules())).toEqual({ kind: 'not-allowed', real: join(outside, 'secret.txt'), folder: outside });
    // A folder whose name merely starts like the allowed one is another folder.
    mkdirSync(`${allowed}-old`);
    writeFileSync(join(`${allowed}-old`, 'a.txt'), 'x');
    expect((await checkBodyFile(join(`${allowed}-old`, 'a.txt'), rules())).kind).toBe('not-allowed');
  });

  it('resolves `..` before checking: a path that climbs out of the allowed folder is refused', async () => {
    const climbing = join(allowed, '..', 'elsewhere', 'secret.txt');
    const verdict = await checkBodyFile(`${allowed}/../elsewhere/secret.txt`, rules());
    expect(verdict).toMatchObject({ kind: 'not-allowed', real: join(outside, 'secret.txt') });
    expect(climbing).toBe(join(outside, 'secret.txt'));
  });

  it('resolves links before checking: a link inside the allowed folder to a file outside it is refused', async () => {
    symlinkSync(join(outside, 'secret.txt'), join(allowed, 'looks-harmless.pdf'));
    symlinkSync(join(home, '.ssh'), join(allowed, 'keys'));
    expect(await checkBodyFile(join(allowed, 'looks-harmless.pdf'), rules())).toMatchObject({ kind: 'not-allowed', real: join(outside, 'secret.txt') });
    expect(await checkBodyFile(join(allowed, 'keys', 'id_rsa'), rules())).toMatchObject({ kind: 'never', place: { what: 'SSH keys' } });
    await expect(openBodyFile(join(allowed, 'looks-harmless.pdf'), rules())).rejects.toThrow(/looks-harmless\.pdf \(really .*secret\.txt\) is not in a folder you allowed/);
  });

  it("never reads Countersign's data folder or a secret store, even when a folder around them is allowed", async () => {
    const everything = rules({ allowed: () => [root] });
    expect(await checkBodyFile(join(dataDir, 'vault.json'), everything)).toMatchObject({ kind: 'never', place: { what: expect.stringMatching(/Countersign's data folder/) as unknown } });
    expect(await checkBodyFile(join(home, '.ssh', 'id_rsa'), everything)).toMatchObject({ kind: 'never', place: { what: 'SSH keys' } });
    await expect(openBodyFile(join(dataDir, 'vault.json'), everything)).rejects.toThrow(/may never read/);
  });

  it('compares without case where the platform does (Windows, macOS), and refuses secret stores in any case everywhere', async () => {
    const upper = allowed.toUpperCase();
    expect((await checkBodyFile(join(allowed, 'invoice.pdf'), rules({ allowed: () => [upper], caseInsensitive: true }))).kind).toBe('allowed');
    expect((await checkBodyFile(join(allowed, 'invoice.pdf'), rules({ allowed: () => [upper], caseInsensitive: false }))).kind).toBe('not-allowed');
    // A data folder named in another case is still the data folder.
    expect((await checkBodyFile(join(dataDir, 'vault.json'), { allowed: () => [root], never: () => [{ path: dataDir.toUpperCase(), what: 'data' }], caseInsensitive: false })).kind).toBe('never');
  });

  it('refuses a file swapped for a link between the check and the read', async () => {
    const path = join(allowed, 'invoice.pdf');
    const first = await checkBodyFile(path, rules());
    expect(first.kind).toBe('allowed');
    // The swap: the checked file becomes a link to a secret.
    renameSync(path, join(allowed, 'moved.pdf'));
    symlinkSync(join(home, '.ssh', 'id_rsa'), path);
    await expect(openChecked(path, first.real, rules())).rejects.toThrow(/changed while it was being opened/);
  });

  it('refuses a folder swapped for a link between the check and the read', async () => {
    const inner = join(allowed, 'batch');
    mkdirSync(inner);
    writeFileSync(join(inner, 'id_rsa'), 'harmless');
    const path = join(inner, 'id_rsa');
    const first = await checkBodyFile(path, rules());
    expect(first.kind).toBe('allowed');
    renameSync(inner, join(allowed, 'batch-old'));
    symlinkSync(join(home, '.ssh'), inner);
    await expect(openChecked(path, first.real, rules())).rejects.toThrow(/may never read|changed while it was being opened/);
  });

  it('sends nothing it was not allowed to read: buildFileBody names the path and how to allow it', async () => {
    const secret = join(outside, 'secret.txt');
    await expect(buildFileBody({ kind: 'binary', path: secret }, rules())).rejects.toThrow(new RegExp(`${secret} is not in a folder you allowed for request bodies. Nothing was sent. .*countersign files allow ${outside}$`));
    await expect(buildFileBody({ kind: 'multipart', parts: [{ kind: 'file', name: 'doc', path: secret }] }, rules())).rejects.toThrow(/File part "doc": .*Allow this folder/);
    const body = await buildFileBody({ kind: 'binary', path: join(allowed, 'invoice.pdf') }, rules());
    expect(Buffer.from(body?.bytes ?? []).toString()).toBe('PDF');
  });
});
