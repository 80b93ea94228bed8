import { createPublicKey } from 'node:crypto';
import type { KeySize } from '../../../main/contract/keys.ts';
import type { GeneratedKeyPair, KeyPairGenerator } from '../../../main/keys/generate-key-pair.ts';
import { rsaKey } from './key-fixtures.ts';

/**
 * A generator that hands out prepared 2048-bit keys only when the test says
 * so, standing in for OpenSSL's slow prime search.
 */
export function createControlledGenerator(): {
  generate: KeyPairGenerator;
  requests: KeySize[];
  finishNext(): GeneratedKeyPair;
  failNext(error: Error): void;
  pending(): number;
} {
  const waiting: { resolve: (pair: GeneratedKeyPair) => void; reject: (error: Error) => void }[] = [];
  const requests: KeySize[] = [];
  let made = 0;
  return {
    requests,
    generate(bits) {
      requests.push(bits);
      return new Promise((resolve, reject) => waiting.push({ resolve, reject }));
    },
    finishNext() {
      const next = waiting.shift();
      if (!next) throw new Error('no generation is waiting');
      const privateKey = rsaKey(`generated-${made++}`);
      const pair = { privateKey, publicKey: createPublicKey(privateKey) };
      next.resolve(pair);
      return pair;
    },
    failNext(error) {
      const next = waiting.shift();
      if (!next) throw new Error('no generation is waiting');
      next.reject(error);
    },
    pending: () => waiting.length,
  };
}
