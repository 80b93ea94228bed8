/** The RSA public key registered for each merchant login (config default, replaceable at run time). */
import { createHash, createPublicKey, type KeyObject } from 'node:crypto';

export type RegisteredKey = { key: KeyObject; pem: string; modulusBits: number; fingerprintSha256: string };

export type KeyCheck = { ok: true; registered: RegisteredKey } | { ok: false; reason: string };

export const MIN_RSA_BITS = 2048;

export function parseRsaPublicKey(pem: string): KeyCheck {
  let key: KeyObject;
  try {
    key = createPublicKey(pem);
  } catch {
    return { ok: false, reason: 'the body is not a PEM public key (expected "-----BEGIN PUBLIC KEY-----" or "-----BEGIN RSA PUBLIC KEY-----")' };
  }
  if (key.asymmetricKeyType !== 'rsa') return { ok: false, reason: `the key is ${key.asymmetricKeyType ?? 'unknown'}, not RSA` };
  const modulusBits = key.asymmetricKeyDetails?.modulusLength ?? 0;
  if (modulusBits < MIN_RSA_BITS) return { ok: false, reason: `the key has ${modulusBits} bits; the sandbox wants at least ${MIN_RSA_BITS}` };
  const spki = key.export({ type: 'spki', format: 'der' });
  const normalizedPem = key.export({ type: 'spki', format: 'pem' }).toString();
  return {
    ok: true,
    registered: { key, pem: normalizedPem, modulusBits, fingerprintSha256: createHash('sha256').update(spki).digest('hex') },
  };
}

export type MerchantKeys = {
  get: (login: string) => RegisteredKey | undefined;
  set: (login: string, key: RegisteredKey) => void;
};

export function createMerchantKeys(initial: Record<string, string>): MerchantKeys {
  const keys = new Map<string, RegisteredKey>();
  for (const [login, pem] of Object.entries(initial)) {
    const parsed = parseRsaPublicKey(pem);
    if (!parsed.ok) throw new Error(`The configured public key for merchant "${login}" is unusable: ${parsed.reason}.`);
    keys.set(login, parsed.registered);
  }
  return { get: (login) => keys.get(login), set: (login, key) => keys.set(login, key) };
}
