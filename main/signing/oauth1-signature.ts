import { createHmac, sign } from 'node:crypto';
import type { OAuth1SignatureMethod } from '../contract/auth.ts';
import { SigningError } from './errors.ts';
import { percentEncode } from './percent-encode.ts';
import { loadRsaPrivateKey } from './rsa-key.ts';
import { keyShape } from './trace.ts';

export type OAuth1Keys = {
  readonly consumerSecret?: string | undefined;
  readonly tokenSecret?: string | undefined;
  readonly privateKey?: string | undefined;
  readonly privateKeyPassphrase?: string | undefined;
};

export type OAuth1Signature = {
  /** The oauth_signature value before header encoding. */
  readonly value: string;
  /** The signature in hex (empty for PLAINTEXT, whose signature is the key itself). */
  readonly hex: string;
  /** What the key was, never the key: "consumer secret (36 chars) + '&'". */
  readonly keyShape: string;
};

/** Section 3.4.2: consumer secret and token secret, each encoded, joined by '&' (always present). */
export function hmacKey(keys: OAuth1Keys): string {
  return `${percentEncode(keys.consumerSecret ?? '')}&${percentEncode(keys.tokenSecret ?? '')}`;
}

function hmacKeyShape(keys: OAuth1Keys): string {
  const consumer = keyShape('consumer secret', keys.consumerSecret ?? '');
  const token = keys.tokenSecret ?? '';
  return token === '' ? `${consumer} + '&'` : `${consumer} + '&' + ${keyShape('token secret', token)}`;
}

export function computeOAuth1Signature(method: OAuth1SignatureMethod, baseString: string, keys: OAuth1Keys): OAuth1Signature {
  switch (method) {
    case 'HMAC-SHA1':
    case 'HMAC-SHA256': {
      // digest('base64') and a pooled Buffer.from for the hex: a digest() Buffer costs more than the HMAC's own work here.
      const value = createHmac(method === 'HMAC-SHA1' ? 'sha1' : 'sha256', hmacKey(keys)).update(baseString).digest('base64');
      return { value, hex: Buffer.from(value, 'base64').toString('hex'), keyShape: hmacKeyShape(keys) };
    }
    case 'RSA-SHA1':
    case 'RSA-SHA256': {
      if (keys.privateKey === undefined || keys.privateKey === '') {
        throw new SigningError(`${method} needs an RSA private key.`);
      }
      const { key, shape } = loadRsaPrivateKey(keys.privateKey, keys.privateKeyPassphrase);
      const bytes = sign(method === 'RSA-SHA1' ? 'sha1' : 'sha256', Buffer.from(baseString), key);
      return { value: bytes.toString('base64'), hex: bytes.toString('hex'), keyShape: shape };
    }
    case 'PLAINTEXT':
      return { value: hmacKey(keys), hex: '', keyShape: hmacKeyShape(keys) };
  }
}
