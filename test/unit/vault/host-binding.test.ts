import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { signDocument } from '../../../main/vault/crypto/secret-codec.ts';
import { VaultDocument } from '../../../main/vault/file/vault-document.ts';
import { secretsCarried } from '../../../main/vault/hosts/carried-secrets.ts';
import { normalizeHost } from '../../../main/vault/hosts/host-names.ts';
import { makeTempDir } from '../../support/temp-dir.ts';
import { PASSPHRASE, testVault } from './helpers.ts';

let dir: { path: string; remove: () => Promise<void> };
beforeEach(async () => {
  dir = await makeTempDir('countersign-vault-hosts-');
});
afterEach(async () => {
  await dir.remove();
});

const vaultFile = () => join(dir.path, 'vault.json');
const readDocument = async () => VaultDocument.parse(JSON.parse(await readFile(vaultFile(), 'utf8')));
const defaults = (environment: string) => (environment === 'UAT' ? ['api.uat.example.com'] : []);

describe('where a secret may be sent', () => {
  it('defaults to the environment\'s hosts, takes explicit ones normalized, and refuses what is not a host', async () => {
    const vault = testVault(dir.path, { defaultHosts: defaults });
    await vault.setup({ passphrase: PASSPHRASE });
    expect((await vault.add({ environment: 'UAT', name: 'a', kind: 'text', value: 'value-a-123456' })).hosts).toEqual(['api.uat.example.com']);
    expect((await vault.add({ environment: 'UAT', name: 'b', kind: 'text', value: 'value-b-123456', hosts: ['HTTPS://Pay.Example.com:443/x', 'pay.example.com:8443'] })).hosts).toEqual([
      'pay.example.com',
      'pay.example.com:8443',
    ]);
    await expect(vault.add({ environment: 'UAT', name: 'c', kind: 'text', value: 'value-c-123456', hosts: ['user:pw@evil.example'] })).rejects.toMatchObject({ code: 'invalid_input' });
    expect(normalizeHost('builtin:sandbox')).toBe('builtin:sandbox');
  });

  it('changes hosts only with the vault passphrase', async () => {
    const vault = testVault(dir.path, { defaultHosts: defaults });
    await vault.setup({ passphrase: PASSPHRASE });
    await vault.add({ environment: 'UAT', name: 'a', kind: 'text', value: 'value-a-123456' });
    await expect(vault.setHosts({ environment: 'UAT', name: 'a', hosts: ['evil.example'], passphrase: 'wrong passphrase' })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(vault.allowHost({ environment: 'UAT', names: ['a'], host: 'evil.example', scope: 'always', passphrase: 'wrong passphrase' })).rejects.toMatchObject({ code: 'forbidden' });
    expect(vault.list({}).secrets[0]?.hosts).toEqual(['api.uat.example.com']);
    await vault.setHosts({ environment: 'UAT', name: 'a', hosts: ['other.example.com'], passphrase: PASSPHRASE });
    expect(vault.list({}).secrets[0]?.hosts).toEqual(['other.example.com']);
  });

  it('a host added to the file by hand is caught as tampering (the index MAC covers hosts)', async () => {
    const vault = testVault(dir.path, { defaultHosts: defaults });
    await vault.setup({ passphrase: PASSPHRASE });
    await vault.add({ environment: 'UAT', name: 'a', kind: 'text', value: 'value-a-123456' });
    await vault.close();
    const document = await readDocument();
    await writeFile(vaultFile(), JSON.stringify({ ...document, secrets: document.secrets.map((s) => ({ ...s, hosts: [...(s.hosts ?? []), 'evil.example'] })) }));
    await expect(testVault(dir.path).unlock({ passphrase: PASSPHRASE })).rejects.toMatchObject({ code: 'vault_damaged' });
  });

  it('migrates a version 1 vault: each secret gets its environment\'s default hosts', async () => {
    const key = Buffer.alloc(32, 7);
    let first = true;
    const random = (size: number) => {
      if (first && size === 32) {
        first = false;
        return Buffer.from(key);
      }
      return randomBytes(size);
    };
    const vault = testVault(dir.path, { randomBytes: random });
    await vault.setup({ passphrase: PASSPHRASE });
    await vault.add({ environment: 'UAT', name: 'a', kind: 'text', value: 'value-a-123456' });
    await vault.close();
    // Rewrite it as version 1 wrote it: no hosts, MAC over the six fields.
    const current = await readDocument();
    const secrets = current.secrets.map((record) => {
      const copy = { ...record };
      delete copy.hosts;
      return copy;
    });
    const v1 = signDocument(key, { format: current.format, version: 1, vaultId: current.vaultId, wrappers: current.wrappers, autoLockMinutes: current.autoLockMinutes, secrets });
    await writeFile(vaultFile(), JSON.stringify(v1));

    const reopened = testVault(dir.path, { defaultHosts: defaults });
    await reopened.unlock({ passphrase: PASSPHRASE });
    expect(reopened.list({}).secrets[0]?.hosts).toEqual(['api.uat.example.com']);
    expect(await reopened.get('UAT', 'a')).toBe('value-a-123456');
    expect((await readDocument()).version).toBe(2);
  });
});

describe('finding the secrets a request carries', () => {
  const used = [{ environment: 'E', name: 'k', value: 'sk_live a/b+c=' }];
  const request = (parts: { url?: string; headers?: [string, string][]; body?: string }) => ({
    method: 'POST',
    url: parts.url ?? 'https://x.example/',
    headers: parts.headers ?? [],
    body: parts.body ?? null,
  });

  it('in the URL, headers or body, in any encoded form, and inside Basic credentials', () => {
    expect(secretsCarried(request({ url: `https://x.example/?k=${encodeURIComponent('sk_live a/b+c=')}` }), used)).toHaveLength(1);
    expect(secretsCarried(request({ body: 'k=sk_live+a%2Fb%2Bc%3D' }), used)).toHaveLength(1);
    expect(secretsCarried(request({ body: JSON.stringify({ k: 'sk_live a/b+c=' }) }), used)).toHaveLength(1);
    expect(secretsCarried(request({ headers: [['X-Key', Buffer.from('sk_live a/b+c=').toString('base64')]] }), used)).toHaveLength(1);
    expect(secretsCarried(request({ headers: [['Authorization', `Basic ${Buffer.from('user:sk_live a/b+c=').toString('base64')}`]] }), used)).toHaveLength(1);
    expect(secretsCarried(request({ headers: [['X-Signature', 'a1b2c3']], body: 'nothing here' }), used)).toHaveLength(0);
  });
});
