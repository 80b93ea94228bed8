import { X509Certificate, createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import type { KeyMaterial } from '../contract/keys.ts';
import { KeyImportError, WHAT_IS_NEEDED } from './key-errors.ts';
import { checkKeyPair } from './check-key-pair.ts';
import { findPemBlocks, looksLikePem } from './pem-blocks.ts';
import { MIN_RSA_BITS, checkKeyMinimum } from './key-minimum.ts';

export const MIN_IMPORT_BITS = MIN_RSA_BITS;
// Gateways take up to 4096; the ceiling keeps the sign-and-verify check below
// (which runs on main's event loop) to a few tens of milliseconds.
export const MAX_IMPORT_BITS = 8192;

/**
 * Reads a private key in any of the forms gateways and openssl hand out
 * (PKCS#1 or PKCS#8, encrypted or not, PEM or DER) and refuses anything that
 * cannot sign RSA-SHA256, saying what was given and what is needed.
 */
export function importPrivateKey(material: KeyMaterial, passphrase?: string): KeyObject {
  const key = material.encoding === 'pem' ? readPem(material.text, passphrase) : readDer(decodeBase64(material.base64), passphrase);
  return checkRsaPrivateKey(key);
}

function readPem(text: string, passphrase: string | undefined): KeyObject {
  const blocks = findPemBlocks(text);
  if (blocks.length === 0) {
    throw new KeyImportError('unreadable', `No PEM block was found in the text given (no "-----BEGIN ...-----" line). ${WHAT_IS_NEEDED}`);
  }
  const privateBlocks = blocks.filter((block) => PRIVATE_LABELS.has(block.label));
  if (privateBlocks.length > 1) {
    throw new KeyImportError('several_keys', `The text holds ${privateBlocks.length} private keys; paste exactly one.`);
  }
  const block = privateBlocks[0];
  if (!block) throw refusalForLabel(blocks[0]?.label ?? '');
  const encrypted = block.label === 'ENCRYPTED PRIVATE KEY' || block.hasEncryptionHeader;
  if (encrypted && passphrase === undefined) throw passphraseRequired();
  try {
    return createPrivateKey(passphrase === undefined ? block.text : { key: block.text, passphrase });
  } catch (error) {
    if (encrypted && isUnsupportedCipher(error)) throw legacyEncryption();
    if (encrypted) throw wrongPassphrase();
    throw new KeyImportError('unreadable', `The "${block.label}" block could not be decoded: its content is not a valid key (${reasonOf(error)}). ${WHAT_IS_NEEDED}`);
  }
}

function readDer(bytes: Buffer, passphrase: string | undefined): KeyObject {
  if (looksLikePem(bytes)) return readPem(bytes.toString('latin1'), passphrase);

  const pkcs8 = tryParse(() => createPrivateKey({ key: bytes, format: 'der', type: 'pkcs8', ...(passphrase === undefined ? {} : { passphrase }) }));
  if (pkcs8.key) return pkcs8.key;
  if (errorCode(pkcs8.error) === 'ERR_MISSING_PASSPHRASE') throw passphraseRequired();
  if (errorCode(pkcs8.error) === 'ERR_OSSL_BAD_DECRYPT') throw wrongPassphrase();
  if (passphrase !== undefined && isUnsupportedCipher(pkcs8.error)) throw legacyEncryption();
  // A wrong passphrase now and then decrypts to bytes with valid padding, and fails later as bad ASN.1.
  if (passphrase !== undefined && errorCode(tryParse(() => createPrivateKey({ key: bytes, format: 'der', type: 'pkcs8' })).error) === 'ERR_MISSING_PASSPHRASE') {
    throw wrongPassphrase();
  }

  const pkcs1 = tryParse(() => createPrivateKey({ key: bytes, format: 'der', type: 'pkcs1' }));
  if (pkcs1.key) return pkcs1.key;
  const sec1 = tryParse(() => createPrivateKey({ key: bytes, format: 'der', type: 'sec1' }));
  if (sec1.key) return sec1.key; // the type check below names the EC key

  if (tryParse(() => createPublicKey({ key: bytes, format: 'der', type: 'spki' })).key ?? tryParse(() => createPublicKey({ key: bytes, format: 'der', type: 'pkcs1' })).key) {
    throw refusalForLabel('PUBLIC KEY');
  }
  if (isCertificate(bytes)) throw refusalForLabel('CERTIFICATE');
  throw new KeyImportError('unreadable', `The ${bytes.length}-byte file given is not a DER private key, public key or certificate. ${WHAT_IS_NEEDED}`);
}

/** Type, size and inner consistency: what signing needs from a parsed key. */
export function checkRsaPrivateKey(key: KeyObject): KeyObject {
  const type = key.asymmetricKeyType;
  if (type === 'ec') {
    const curve = key.asymmetricKeyDetails?.namedCurve;
    throw new KeyImportError('not_rsa', `This is an EC private key${curve ? ` (curve ${curve})` : ''}. RSA-SHA256 signing needs an RSA key; generate one here or import an RSA key. ${WHAT_IS_NEEDED}`);
  }
  if (type === 'rsa-pss') {
    throw new KeyImportError('not_rsa', `This is an RSA-PSS-only key, which cannot make the PKCS#1 v1.5 signatures RSA-SHA256 uses. ${WHAT_IS_NEEDED}`);
  }
  if (type !== 'rsa') {
    throw new KeyImportError('not_rsa', `This is a ${type ?? 'unknown'} private key. RSA-SHA256 signing needs an RSA key. ${WHAT_IS_NEEDED}`);
  }
  const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
  checkKeyMinimum(bits);
  if (bits > MAX_IMPORT_BITS) {
    throw new KeyImportError('too_large', `This RSA key has ${bits} bits; keys above ${MAX_IMPORT_BITS} bits are not supported.`);
  }
  if (!checkKeyPair(key)) {
    throw new KeyImportError('damaged', 'This RSA private key is damaged: a signature made with it does not verify with its own public key. Export it again from its source.');
  }
  return key;
}

// Labels that hold a private key node:crypto can read; others get a specific refusal.
const PRIVATE_LABELS = new Set(['PRIVATE KEY', 'ENCRYPTED PRIVATE KEY', 'RSA PRIVATE KEY', 'EC PRIVATE KEY', 'DSA PRIVATE KEY']);

function refusalForLabel(label: string): KeyImportError {
  switch (label) {
    case 'PUBLIC KEY':
    case 'RSA PUBLIC KEY':
      return new KeyImportError('public_key', `This is a public key (${label}). A public key cannot sign; it is what you send to the gateway. Paste the private key that belongs to it. ${WHAT_IS_NEEDED}`);
    case 'CERTIFICATE':
    case 'TRUSTED CERTIFICATE':
      return new KeyImportError('certificate', `This is a certificate (${label}), which holds only a public key and cannot sign. Paste the private key that belongs to it. ${WHAT_IS_NEEDED}`);
    case 'CERTIFICATE REQUEST':
    case 'NEW CERTIFICATE REQUEST':
      return new KeyImportError('certificate_request', `This is a certificate signing request (${label}), not a key. Paste the private key it was made from. ${WHAT_IS_NEEDED}`);
    case 'OPENSSH PRIVATE KEY':
      return new KeyImportError('unreadable', `This is an OpenSSH private key, a format Countersign does not read. Convert a copy with "ssh-keygen -p -m PKCS8 -f <file>" and import that. ${WHAT_IS_NEEDED}`);
    default:
      return new KeyImportError('unreadable', `The PEM block is labelled "${label}", which is not a private key. ${WHAT_IS_NEEDED}`);
  }
}

function passphraseRequired(): KeyImportError {
  return new KeyImportError('passphrase_required', 'This private key is encrypted. Enter the passphrase it was exported with.');
}

function wrongPassphrase(): KeyImportError {
  return new KeyImportError('wrong_passphrase', 'This private key is encrypted and the passphrase given does not open it. Check the passphrase (it is case-sensitive) and try again.');
}

function legacyEncryption(): KeyImportError {
  return new KeyImportError(
    'unsupported_encryption',
    'This private key is encrypted with an old algorithm (such as RC2 or DES under PBES1) that is no longer supported. Re-encrypt a copy with "openssl pkcs8 -topk8 -v2 aes-256-cbc" and import that.',
  );
}

// OpenSSL 3 moved RC2, RC4, DES and MD5-based PBES1 to its legacy provider, which node does not load.
function isUnsupportedCipher(error: unknown): boolean {
  const code = errorCode(error);
  return code === 'ERR_OSSL_EVP_UNSUPPORTED';
}

function decodeBase64(base64: string): Buffer {
  const compact = base64.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact) || compact.length % 4 === 1) {
    throw new KeyImportError('unreadable', 'The DER file could not be read: its bytes did not arrive as base64.');
  }
  return Buffer.from(compact, 'base64');
}

function tryParse<T>(parse: () => T): { key?: T; error?: unknown } {
  try {
    return { key: parse() };
  } catch (error) {
    return { error };
  }
}

function isCertificate(bytes: Buffer): boolean {
  try {
    new X509Certificate(bytes);
    return true;
  } catch {
    return false;
  }
}

function errorCode(error: unknown): string | undefined {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}

/** OpenSSL's reason text says what was wrong with the structure and holds no key bytes. */
function reasonOf(error: unknown): string {
  if (error instanceof Error && 'reason' in error && typeof error.reason === 'string') return error.reason;
  return errorCode(error) ?? 'unknown error';
}
