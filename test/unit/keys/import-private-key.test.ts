import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { KeyMaterial } from '../../../main/contract/keys.ts';
import { KeyImportError, type KeyImportProblem } from '../../../main/keys/key-errors.ts';
import { importPrivateKey } from '../../../main/keys/import-private-key.ts';
import { fingerprintOf } from '../../../main/keys/fingerprint.ts';
import { encryptedPkcs8Pem } from '../../../main/keys/pbes2.ts';
import { fixture, pem, rsaKey } from './key-fixtures.ts';

const PASSPHRASE = 'correct horse battery';
const key = rsaKey('import');
const asPem = (text: string | Buffer): KeyMaterial => ({ encoding: 'pem', text: pem(text) });
const asDer = (bytes: Buffer): KeyMaterial => ({ encoding: 'der', base64: bytes.toString('base64') });
const sameKey = (imported: KeyObject, original: KeyObject = key) =>
  expect(fingerprintOf(createPublicKey(imported))).toEqual(fingerprintOf(createPublicKey(original)));

function refusal(material: KeyMaterial, passphrase?: string): KeyImportError {
  try {
    importPrivateKey(material, passphrase);
  } catch (error) {
    if (error instanceof KeyImportError) return error;
    throw error;
  }
  throw new Error('the key was accepted');
}

function expectRefused(material: KeyMaterial, problem: KeyImportProblem, mentions: RegExp, passphrase?: string): KeyImportError {
  const error = refusal(material, passphrase);
  expect(error.problem).toBe(problem);
  expect(error.code).toBe('invalid_input');
  expect(error.message).toMatch(mentions);
  if (passphrase !== undefined) expect(error.message).not.toContain(passphrase);
  return error;
}

describe('importPrivateKey accepts every form openssl and gateways hand out', () => {
  const cases: [string, () => KeyMaterial, string?][] = [
    ['PKCS#8 PEM', () => asPem(key.export({ type: 'pkcs8', format: 'pem' }))],
    ['PKCS#1 PEM', () => asPem(key.export({ type: 'pkcs1', format: 'pem' }))],
    ['encrypted PKCS#8 PEM', () => asPem(key.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: PASSPHRASE })), PASSPHRASE],
    ['legacy encrypted PKCS#1 PEM', () => asPem(key.export({ type: 'pkcs1', format: 'pem', cipher: 'aes-128-cbc', passphrase: PASSPHRASE })), PASSPHRASE],
    ['PKCS#8 DER', () => asDer(key.export({ type: 'pkcs8', format: 'der' }))],
    ['PKCS#1 DER', () => asDer(key.export({ type: 'pkcs1', format: 'der' }))],
    ['encrypted PKCS#8 DER', () => asDer(key.export({ type: 'pkcs8', format: 'der', cipher: 'aes-256-cbc', passphrase: PASSPHRASE })), PASSPHRASE],
    ['a PEM file chosen as DER', () => asDer(Buffer.from(pem(key.export({ type: 'pkcs8', format: 'pem' }))))],
  ];
  it.each(cases)('%s', (_label, material, passphrase) => {
    sameKey(importPrivateKey(material(), passphrase));
  });

  it('finds the key inside surrounding text, Windows line ends and a certificate bundle', () => {
    const text = `Here is our key:\r\n${pem(key.export({ type: 'pkcs8', format: 'pem' })).replaceAll('\n', '\r\n')}\r\n${pem(fixture('certificate.pem'))}\nRegards`;
    sameKey(importPrivateKey(asPem(text)));
  });

  it('reads a paste that lost its line breaks or gained indentation', () => {
    const text = pem(key.export({ type: 'pkcs8', format: 'pem' }));
    sameKey(importPrivateKey(asPem(text.replaceAll('\n', ' '))));
    sameKey(importPrivateKey(asPem(text.split('\n').map((line) => `    ${line}`).join('\n'))));
    const legacy = pem(key.export({ type: 'pkcs1', format: 'pem', cipher: 'aes-256-cbc', passphrase: PASSPHRASE }));
    sameKey(importPrivateKey(asPem(legacy.split('\n').map((line) => `  ${line}`).join('\r\n')), PASSPHRASE));
  });

  it('ignores a passphrase given for a key that is not encrypted', () => {
    sameKey(importPrivateKey(asPem(key.export({ type: 'pkcs8', format: 'pem' })), 'unused'));
  });
});

describe('importPrivateKey says what was given and what is needed', () => {
  const encryptedPem = () => asPem(key.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: PASSPHRASE }));

  it('asks for the passphrase of an encrypted key (PEM, legacy PKCS#1 and DER)', () => {
    expectRefused(encryptedPem(), 'passphrase_required', /encrypted.*passphrase/i);
    expectRefused(asPem(key.export({ type: 'pkcs1', format: 'pem', cipher: 'aes-256-cbc', passphrase: PASSPHRASE })), 'passphrase_required', /passphrase/);
    expectRefused(asDer(key.export({ type: 'pkcs8', format: 'der', cipher: 'aes-256-cbc', passphrase: PASSPHRASE })), 'passphrase_required', /passphrase/);
  });

  it('refuses a wrong passphrase without repeating it', () => {
    expectRefused(encryptedPem(), 'wrong_passphrase', /passphrase given does not open it/, 'Wrong-Passphrase-123');
    expectRefused(asPem(key.export({ type: 'pkcs1', format: 'pem', cipher: 'aes-256-cbc', passphrase: PASSPHRASE })), 'wrong_passphrase', /does not open/, 'nope-nope');
    expectRefused(asDer(key.export({ type: 'pkcs8', format: 'der', cipher: 'aes-256-cbc', passphrase: PASSPHRASE })), 'wrong_passphrase', /does not open/, 'nope-nope');
  });

  it('calls every wrong passphrase a wrong passphrase, also when decryption happens to yield valid padding', async () => {
    // One round of PBKDF2 keeps 600 attempts fast; about 1 in 256 wrong keys ends in valid CBC padding.
    const pemText = await encryptedPkcs8Pem(key, PASSPHRASE, { iterations: 1 });
    const der = Buffer.from(pemText.replace(/-----[A-Z ]+-----|\n/g, ''), 'base64');
    const problems = new Set<string>();
    for (let i = 0; i < 600; i++) {
      problems.add(refusal(asDer(der), `wrong-${i}`).problem);
      if (i % 3 === 0) problems.add(refusal(asPem(pemText), `wrong-${i}`).problem);
    }
    expect([...problems]).toEqual(['wrong_passphrase']);
  });

  it('refuses garbage inside PEM armour without quoting it', () => {
    const body = 'VGhpcyBpcyBub3QgYSBrZXkgYXQgYWxsLCBqdXN0IHNvbWUgdGV4dA==';
    const error = expectRefused(asPem(`-----BEGIN PRIVATE KEY-----\n${body}\n-----END PRIVATE KEY-----\n`), 'unreadable', /"PRIVATE KEY" block could not be decoded.*BEGIN PRIVATE KEY/);
    expect(error.message).not.toContain(body);
  });

  it('refuses text with no PEM block at all', () => {
    expectRefused(asPem('ssh-rsa AAAAB3NzaC1yc2E me@laptop'), 'unreadable', /No PEM block was found/);
  });

  it('refuses random bytes given as DER, and bytes that are not base64', () => {
    expectRefused(asDer(Buffer.from('this is definitely not DER')), 'unreadable', /26-byte file given is not a DER private key/);
    expectRefused({ encoding: 'der', base64: 'not base64 at all!' }, 'unreadable', /base64/);
  });

  it('refuses public keys in every wrapping, pointing at the private key', () => {
    const publicKey = createPublicKey(key);
    expectRefused(asPem(publicKey.export({ type: 'spki', format: 'pem' })), 'public_key', /This is a public key \(PUBLIC KEY\).*private key/);
    expectRefused(asPem(publicKey.export({ type: 'pkcs1', format: 'pem' })), 'public_key', /RSA PUBLIC KEY/);
    expectRefused(asDer(publicKey.export({ type: 'spki', format: 'der' })), 'public_key', /public key/);
  });

  it('refuses a certificate (PEM and DER) and a certificate request', () => {
    expectRefused(asPem(fixture('certificate.pem')), 'certificate', /This is a certificate \(CERTIFICATE\).*cannot sign/);
    expectRefused(asDer(fixture('certificate.der')), 'certificate', /certificate/);
    expectRefused(asPem(fixture('request.csr.pem')), 'certificate_request', /certificate signing request/);
  });

  it('refuses EC keys, naming the curve, in PKCS#8, SEC1 and DER', () => {
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
    expectRefused(asPem(ec.export({ type: 'pkcs8', format: 'pem' })), 'not_rsa', /EC private key \(curve prime256v1\).*needs an RSA key/);
    expectRefused(asPem(ec.export({ type: 'sec1', format: 'pem' })), 'not_rsa', /EC private key/);
    expectRefused(asDer(ec.export({ type: 'sec1', format: 'der' })), 'not_rsa', /EC private key/);
  });

  it('refuses other key types', () => {
    const ed = generateKeyPairSync('ed25519').privateKey;
    expectRefused(asPem(ed.export({ type: 'pkcs8', format: 'pem' })), 'not_rsa', /ed25519 private key/);
    const pss = generateKeyPairSync('rsa-pss', { modulusLength: 2048 }).privateKey;
    expectRefused(asPem(pss.export({ type: 'pkcs8', format: 'pem' })), 'not_rsa', /RSA-PSS/);
  });

  it('refuses a 1024-bit key, saying its size and the minimum', () => {
    const small = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey;
    expectRefused(asPem(small.export({ type: 'pkcs1', format: 'pem' })), 'too_small', /has 1024 bits.*at least 2048 bits/);
  });

  it('refuses a key whose parts do not belong together', () => {
    const a = key.export({ format: 'jwk' });
    const b = rsaKey('other').export({ format: 'jwk' });
    const mismatched = createPrivateKey({ key: { ...a, d: b.d!, dp: b.dp!, dq: b.dq! }, format: 'jwk' });
    expectRefused(asPem(mismatched.export({ type: 'pkcs8', format: 'pem' })), 'damaged', /damaged/);
  });

  it('refuses two private keys pasted together', () => {
    const two = pem(key.export({ type: 'pkcs8', format: 'pem' })) + pem(rsaKey('other').export({ type: 'pkcs8', format: 'pem' }));
    expectRefused(asPem(two), 'several_keys', /2 private keys/);
  });
});
