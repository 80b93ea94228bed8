import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import type { Clock, NonceSource } from './types.ts';

export const systemClock: Clock = { now: () => Date.now() };

/** 16 random bytes as 32 hex characters: unguessable and safe in any header or body. */
export const cryptoNonces: NonceSource = {
  nonce: () => randomBytes(16).toString('hex'),
  uuid: () => randomUUID(),
  randomInt: () => randomInt(0, 1000),
};

export function unixSeconds(clock: Clock): number {
  return Math.floor(clock.now() / 1000);
}
