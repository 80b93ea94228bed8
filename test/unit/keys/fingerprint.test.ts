import { createPublicKey } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fingerprintOf } from '../../../main/keys/fingerprint.ts';
import { FIXTURE_SHA256_BASE64, FIXTURE_SHA256_HEX, fixture, rsaKey } from './key-fixtures.ts';

describe('fingerprintOf', () => {
  it('matches the SHA-256 openssl prints over the SPKI DER, in colon hex and base64', () => {
    const fingerprint = fingerprintOf(createPublicKey(fixture('fixture-public.pem')));
    expect(fingerprint.sha256Hex.replaceAll(':', '').toLowerCase()).toBe(FIXTURE_SHA256_HEX);
    expect(fingerprint.sha256Base64).toBe(FIXTURE_SHA256_BASE64);
  });

  it('shows 32 upper-case bytes joined by colons', () => {
    const { sha256Hex } = fingerprintOf(createPublicKey(fixture('fixture-public.pem')));
    expect(sha256Hex).toMatch(/^[0-9A-F]{2}(:[0-9A-F]{2}){31}$/);
  });

  it('is the same from a private key and from its public key, and differs between keys', () => {
    const key = rsaKey('a');
    expect(fingerprintOf(createPublicKey(key))).toEqual(fingerprintOf(createPublicKey(key.export({ type: 'pkcs1', format: 'pem' }))));
    expect(fingerprintOf(key)).toEqual(fingerprintOf(createPublicKey(key)));
    expect(fingerprintOf(createPublicKey(rsaKey('b'))).sha256Hex).not.toBe(fingerprintOf(createPublicKey(key)).sha256Hex);
  });
});
