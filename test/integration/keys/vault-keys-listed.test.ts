/**
 * The Keys page lists every RSA private key in the vault, including the
 * sandbox sample seeded into a new vault and one added as a plain secret on
 * the Vault page: their public facts are derived from the key once. The
 * fingerprint is checked against openssl's own.
 */
import { execFileSync } from 'node:child_process';
import { createHash, generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../../main/services/backend.ts';
import { readSandboxMerchantPrivateKey } from '../../../main/sandbox/credentials.ts';
import { contractCaller, testBackend } from '../../support/backend.ts';
import { makeTempDir } from '../../support/temp-dir.ts';

type KeyList = { keys: { name: string; bits: number; origin: string; fingerprint: { sha256Hex: string }; publicKeyPem: string }[] };
type SecretList = { secrets: { name: string }[] };

let dir: Awaited<ReturnType<typeof makeTempDir>>;
let backend: Backend;
const call = contractCaller(() => backend);

/** sha256 over `openssl pkey -pubout -outform DER`, in the app's colon-hex form. */
function opensslFingerprint(privateKeyPem: string): string {
  const der = execFileSync('openssl', ['pkey', '-pubout', '-outform', 'DER'], { input: privateKeyPem });
  return [...createHash('sha256').update(der).digest()].map((byte) => byte.toString(16).padStart(2, '0').toUpperCase()).join(':');
}

beforeAll(async () => {
  dir = await makeTempDir();
  backend = testBackend(dir.path);
  await call('vault:setup', { passphrase: 'a passphrase for tests' });
  // The sample credentials are seeded just after setup.
  for (let i = 0; i < 100 && (await call<SecretList>('vault:list', { environment: 'Sandbox' })).secrets.length < 6; i++) await new Promise((r) => setTimeout(r, 50));
}, 120_000);

afterAll(async () => {
  await backend.close();
  await dir.remove();
});

describe('keys:list shows every RSA key the vault holds', () => {
  it('lists the sandbox sample key of a new vault, with openssl\'s fingerprint', async () => {
    const { keys } = await call<KeyList>('keys:list', { environment: 'Sandbox' });
    const sample = keys.find((key) => key.name === 'elecsnet.merchant_private_key');
    expect(sample).toBeDefined();
    expect(sample?.fingerprint.sha256Hex).toBe(opensslFingerprint(readSandboxMerchantPrivateKey()));
    expect(sample?.bits).toBeGreaterThanOrEqual(2048);
  });

  it('lists a key added on the Vault page as a plain secret, and leaves other secrets out', async () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    await call('vault:add', { environment: 'UAT', name: 'partner.rsa', kind: 'rsa_private_key', value: pem, hosts: [] });
    await call('vault:add', { environment: 'UAT', name: 'partner.secret', kind: 'text', value: 'not a key at all 123', hosts: [] });
    const { keys } = await call<KeyList>('keys:list', { environment: 'UAT' });
    expect(keys.map((key) => key.name)).toEqual(['partner.rsa']);
    expect(keys[0]?.fingerprint.sha256Hex).toBe(opensslFingerprint(pem));
    expect(keys[0]?.bits).toBe(2048);
    // Once adopted it is a key like any other: its public half can be exported.
    const exported = await call<{ pem: string }>('keys:export-public', { environment: 'UAT', name: 'partner.rsa' });
    expect(exported.pem).toBe(keys[0]?.publicKeyPem);
  });
});
