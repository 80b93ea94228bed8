import { createCipheriv, pbkdf2, randomBytes as nodeRandomBytes, type KeyObject } from 'node:crypto';
import { derNull, derObjectIdentifier, derOctetString, derSequence, derUnsignedInteger } from './der.ts';

/**
 * PBKDF2-HMAC-SHA256 rounds for exported private keys. Node's own encrypted
 * export has no iteration setting and uses OpenSSL's default of 2048, which a
 * GPU guesses through quickly; 600 000 follows OWASP's current advice and
 * costs about half a second once, when the file is opened.
 */
export const EXPORT_PBKDF2_ITERATIONS = 600_000;

const OID = {
  pbes2: '1.2.840.113549.1.5.13',
  pbkdf2: '1.2.840.113549.1.5.12',
  hmacWithSha256: '1.2.840.113549.2.9',
  aes256Cbc: '2.16.840.1.101.3.4.1.42',
};

export type Pbes2Options = {
  iterations?: number;
  randomBytes?: (size: number) => Buffer;
};

/**
 * PKCS#8 `BEGIN ENCRYPTED PRIVATE KEY` under PBES2 (RFC 8018): PBKDF2 with
 * HMAC-SHA256 derives an AES-256-CBC key from the passphrase. The primitives
 * are node:crypto's; only the ASN.1 wrapping is written here.
 */
export async function encryptedPkcs8Pem(privateKey: KeyObject, passphrase: string, options: Pbes2Options = {}): Promise<string> {
  const iterations = options.iterations ?? EXPORT_PBKDF2_ITERATIONS;
  const random = options.randomBytes ?? nodeRandomBytes;
  const salt = random(16);
  const iv = random(16);
  const key = await deriveKey(passphrase, salt, iterations);
  const plain = privateKey.export({ type: 'pkcs8', format: 'der' });
  const cipher = createCipheriv('aes-256-cbc', key, iv);
  const encrypted = Buffer.concat([cipher.update(plain), cipher.final()]);
  plain.fill(0);
  key.fill(0);

  // keyLength is left out, as OpenSSL does: AES-256 fixes it at 32 bytes.
  const algorithm = derSequence(
    derObjectIdentifier(OID.pbes2),
    derSequence(
      derSequence(
        derObjectIdentifier(OID.pbkdf2),
        derSequence(derOctetString(salt), derUnsignedInteger(iterations), derSequence(derObjectIdentifier(OID.hmacWithSha256), derNull())),
      ),
      derSequence(derObjectIdentifier(OID.aes256Cbc), derOctetString(iv)),
    ),
  );
  return toPem('ENCRYPTED PRIVATE KEY', derSequence(algorithm, derOctetString(encrypted)));
}

function deriveKey(passphrase: string, salt: Buffer, iterations: number): Promise<Buffer> {
  // Async: the rounds run in libuv's pool, not on main's event loop.
  return new Promise((resolve, reject) => {
    pbkdf2(passphrase, salt, iterations, 32, 'sha256', (error, key) => (error ? reject(error) : resolve(key)));
  });
}

function toPem(label: string, der: Buffer): string {
  const lines = der.toString('base64').match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}
