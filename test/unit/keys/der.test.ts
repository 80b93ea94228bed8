import { describe, expect, it } from 'vitest';
import { derLength, derObjectIdentifier, derSequence, derUnsignedInteger } from '../../../main/keys/der.ts';

const hex = (bytes: Buffer) => bytes.toString('hex');

describe('DER writing', () => {
  it('encodes short and long lengths', () => {
    expect(hex(derLength(0x7f))).toBe('7f');
    expect(hex(derLength(0x80))).toBe('8180');
    expect(hex(derLength(0x0100))).toBe('820100');
    expect(hex(derLength(2400))).toBe('820960');
  });

  it('encodes unsigned integers with the sign byte DER needs', () => {
    expect(hex(derUnsignedInteger(0))).toBe('020100');
    expect(hex(derUnsignedInteger(2048))).toBe('02020800');
    expect(hex(derUnsignedInteger(128))).toBe('02020080');
    expect(hex(derUnsignedInteger(600_000))).toBe('02030927c0');
    expect(() => derUnsignedInteger(-1)).toThrow(RangeError);
  });

  it('encodes object identifiers as published', () => {
    // sha256WithRSAEncryption and aes256-CBC, as `openssl asn1parse -genstr OID:...` encodes them.
    expect(hex(derObjectIdentifier('1.2.840.113549.1.1.11'))).toBe('06092a864886f70d01010b');
    expect(hex(derObjectIdentifier('2.16.840.1.101.3.4.1.42'))).toBe('060960864801650304012a');
  });

  it('nests sequences with the right lengths', () => {
    expect(hex(derSequence(Buffer.from('0500', 'hex'), derSequence()))).toBe('300405003000');
  });
});
