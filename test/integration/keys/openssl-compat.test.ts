import { sign } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KeySummary } from '../../../main/contract/keys.ts';
import { createKeyService, type KeyService } from '../../../main/keys/key-service.ts';
import { createMemoryKeyVault } from '../../../main/keys/memory-vault.ts';
import { makeTempDir } from '../../support/temp-dir.ts';
import { openssl, run } from './openssl.ts';

// The interoperability the issue asks to show: what Countersign exports, openssl
// accepts; what openssl makes, Countersign imports; both agree on fingerprints
// and signatures. Keys are 2048-bit (made once) to keep CI fast.

const EXPORT_PASSPHRASE = 'export passphrase 2026';
const ref = { environment: 'sandbox', name: 'elecsnet' };

let dir: { path: string; remove: () => Promise<void> };
let service: KeyService;
let key: KeySummary;

beforeAll(async () => {
  dir = await makeTempDir('countersign-keys-');
  service = createKeyService({ vault: createMemoryKeyVault() });
  const result = await service.generate({ ...ref, bits: 2048 });
  if (result.outcome !== 'created') throw new Error('generation did not create a key');
  key = result.key;
});

afterAll(async () => {
  service.close();
  await dir.remove();
});

const file = async (name: string, content: string | Buffer) => {
  const path = join(dir.path, name);
  await writeFile(path, content, { mode: 0o600 });
  return path;
};

/** The SPKI DER openssl derives from a key file. */
const opensslSpkiDer = async (args: string[], env?: Record<string, string>) => {
  const der = await openssl(['pkey', ...args, '-pubout', '-outform', 'DER'], env);
  expect(der.code, der.stderr).toBe(0);
  return der.stdout;
};

async function sha256sum(path: string): Promise<string> {
  const out = await run('sha256sum', [path]);
  expect(out.code, out.stderr).toBe(0);
  return out.stdout.toString('utf8').split(' ')[0] ?? '';
}

const hexOf = (summary: { sha256Hex: string }) => summary.sha256Hex.replaceAll(':', '').toLowerCase();

describe('exports are accepted by openssl', () => {
  it('public SPKI PEM: openssl pkey reads it, and its SHA-256 is our fingerprint', async () => {
    const exported = await service.exportPublic(ref);
    const path = await file(exported.fileName, exported.pem);
    const check = await openssl(['pkey', '-pubin', '-in', path, '-noout', '-text']);
    expect(check.code, check.stderr).toBe(0);
    expect(check.stdout.toString()).toContain('Public-Key: (2048 bit)');
    expect(check.stdout.toString()).toContain('Exponent: 65537');
    const der = await file('public.der', await opensslSpkiDer(['-pubin', '-in', path]));
    expect(await sha256sum(der)).toBe(hexOf(key.fingerprint));
  });

  it('private PKCS#8 PEM passes openssl pkey and openssl rsa -check, with the same fingerprint', async () => {
    const exported = await service.exportPrivate({ ...ref, format: 'pkcs8' });
    const path = await file(exported.fileName, exported.pem);
    expect((await openssl(['pkey', '-in', path, '-noout'])).code).toBe(0);
    const check = await openssl(['rsa', '-check', '-noout', '-in', path]);
    expect(check.code, check.stderr).toBe(0);
    expect(check.stdout.toString()).toContain('RSA key ok');
    // The fingerprint the issue names: openssl pkey -pubout -outform DER | sha256sum.
    const piped = await run('sh', ['-c', '/usr/bin/openssl pkey -in "$KEY_FILE" -pubout -outform DER | sha256sum'], { KEY_FILE: path });
    expect(piped.code, piped.stderr).toBe(0);
    expect(piped.stdout.toString().split(' ')[0]).toBe(hexOf(key.fingerprint));
  });

  it('encrypted PKCS#8 opens in openssl with its passphrase only, and is PBES2 (PBKDF2-HMAC-SHA256, 600 000 rounds) with AES-256-CBC', async () => {
    const exported = await service.exportPrivate({ ...ref, format: 'pkcs8', passphrase: EXPORT_PASSPHRASE });
    const path = await file(exported.fileName, exported.pem);
    const right = { PASS: EXPORT_PASSPHRASE };
    const check = await openssl(['rsa', '-check', '-noout', '-in', path, '-passin', 'env:PASS'], right);
    expect(check.code, check.stderr).toBe(0);
    expect(check.stdout.toString()).toContain('RSA key ok');
    expect((await openssl(['pkey', '-in', path, '-noout', '-passin', 'env:PASS'], right)).code).toBe(0);
    expect((await openssl(['pkey', '-in', path, '-noout', '-passin', 'env:PASS'], { PASS: 'not the passphrase' })).code).not.toBe(0);
    const structure = (await openssl(['asn1parse', '-in', path])).stdout.toString();
    expect(structure).toContain(':PBES2');
    expect(structure).toContain(':PBKDF2');
    expect(structure).toContain(':hmacWithSHA256');
    expect(structure).toContain(':aes-256-cbc');
    // 600 000 PBKDF2 rounds, not OpenSSL's default 2048.
    expect(structure).toMatch(/prim: INTEGER\s+:0927C0/);
    const der = await file('enc-public.der', await opensslSpkiDer(['-in', path, '-passin', 'env:PASS'], right));
    expect(await sha256sum(der)).toBe(hexOf(key.fingerprint));
  });

  it('PKCS#1 PEM is BEGIN RSA PRIVATE KEY and passes openssl rsa -check', async () => {
    const exported = await service.exportPrivate({ ...ref, format: 'pkcs1', acknowledgeUnencrypted: true });
    expect(exported.pem.startsWith('-----BEGIN RSA PRIVATE KEY-----\n')).toBe(true);
    const path = await file(exported.fileName, exported.pem);
    const check = await openssl(['rsa', '-check', '-noout', '-in', path]);
    expect(check.code, check.stderr).toBe(0);
    expect((await openssl(['pkey', '-in', path, '-noout'])).code).toBe(0);
  });

  it('a signature made with the stored key verifies with the exported public key in openssl', async () => {
    const data = Buffer.from('POST&https%3A%2F%2Fsandbox.example%2Fpaynet%2Fapi%2Fv2%2Fsale&amount%3D100%26oauth_nonce%3Dfixed');
    const signature = sign('sha256', data, await service.signingKey(ref));
    const publicPath = await file('verify-public.pem', (await service.exportPublic(ref)).pem);
    const dataPath = await file('data.txt', data);
    const signaturePath = await file('data.sig', signature);
    const good = await openssl(['dgst', '-sha256', '-verify', publicPath, '-signature', signaturePath, dataPath]);
    expect(good.code, good.stderr).toBe(0);
    expect(good.stdout.toString()).toContain('Verified OK');
    const tamperedPath = await file('tampered.txt', Buffer.concat([data, Buffer.from('0')]));
    expect((await openssl(['dgst', '-sha256', '-verify', publicPath, '-signature', signaturePath, tamperedPath])).code).not.toBe(0);
  });
});

describe('keys made by openssl import, with matching fingerprints', () => {
  let opensslKey: string;
  let expectedHex: string;

  beforeAll(async () => {
    // The seed's own recipe, at 2048 bits for speed.
    opensslKey = join(dir.path, 'private_key_pkcs_8.pem');
    const made = await openssl(['genpkey', '-algorithm', 'RSA', '-out', opensslKey, '-pkeyopt', 'rsa_keygen_bits:2048']);
    expect(made.code, made.stderr).toBe(0);
    const piped = await run('sh', ['-c', '/usr/bin/openssl pkey -in "$KEY_FILE" -pubout -outform DER | sha256sum'], { KEY_FILE: opensslKey });
    expectedHex = piped.stdout.toString().split(' ')[0] ?? '';
  });

  const importAs = async (name: string, material: { encoding: 'pem'; text: string } | { encoding: 'der'; base64: string }, passphrase?: string) =>
    service.importKey({ environment: 'sandbox', name, material, ...(passphrase === undefined ? {} : { passphrase }) });

  it('PKCS#8 PEM from openssl genpkey', async () => {
    const summary = await importAs('from-genpkey', { encoding: 'pem', text: await readFile(opensslKey, 'utf8') });
    expect(hexOf(summary.fingerprint)).toBe(expectedHex);
    expect(summary.bits).toBe(2048);
  });

  it('PKCS#1 PEM from openssl rsa -traditional', async () => {
    const out = await openssl(['rsa', '-in', opensslKey, '-traditional']);
    expect(out.stdout.toString()).toContain('BEGIN RSA PRIVATE KEY');
    expect(hexOf((await importAs('from-pkcs1', { encoding: 'pem', text: out.stdout.toString() })).fingerprint)).toBe(expectedHex);
  });

  it('encrypted PKCS#8 from openssl pkcs8 -v2 aes-256-cbc, and DER', async () => {
    const encrypted = await openssl(['pkcs8', '-topk8', '-in', opensslKey, '-v2', 'aes-256-cbc', '-passout', 'env:PASS'], { PASS: 'openssl side' });
    expect(encrypted.code, encrypted.stderr).toBe(0);
    await expect(importAs('enc-wrong', { encoding: 'pem', text: encrypted.stdout.toString() }, 'other')).rejects.toMatchObject({ problem: 'wrong_passphrase' });
    expect(hexOf((await importAs('from-enc', { encoding: 'pem', text: encrypted.stdout.toString() }, 'openssl side')).fingerprint)).toBe(expectedHex);
    const der = await openssl(['pkey', '-in', opensslKey, '-outform', 'DER']);
    expect(hexOf((await importAs('from-der', { encoding: 'der', base64: der.stdout.toString('base64') })).fingerprint)).toBe(expectedHex);
  });

  it('explains a key encrypted with a legacy algorithm instead of blaming the passphrase', async () => {
    const legacy = await openssl(['pkcs8', '-topk8', '-in', opensslKey, '-v1', 'PBE-SHA1-RC2-40', '-provider', 'legacy', '-provider', 'default', '-passout', 'env:PASS'], { PASS: 'legacy side' });
    expect(legacy.code, legacy.stderr).toBe(0);
    await expect(importAs('legacy', { encoding: 'pem', text: legacy.stdout.toString() }, 'legacy side')).rejects.toMatchObject({
      problem: 'unsupported_encryption',
      message: expect.stringContaining('openssl pkcs8 -topk8 -v2 aes-256-cbc') as unknown,
    });
  });

  it('refuses an openssl EC key and a 1024-bit openssl key with clear messages', async () => {
    const ec = await openssl(['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256']);
    await expect(importAs('ec', { encoding: 'pem', text: ec.stdout.toString() })).rejects.toMatchObject({ problem: 'not_rsa', message: expect.stringContaining('EC private key') as unknown });
    const small = await openssl(['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:1024']);
    await expect(importAs('small', { encoding: 'pem', text: small.stdout.toString() })).rejects.toMatchObject({ problem: 'too_small', message: expect.stringContaining('1024 bits') as unknown });
  });
});
