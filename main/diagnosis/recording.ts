import type { DrawnValue, SecretRef } from '../contract/exchanges.ts';
import { Redactor } from '../core/redactor.ts';
import type { Clock, NonceSource, SecretSource } from '../signing/index.ts';
import { secretFingerprint } from './fingerprint.ts';

/**
 * Records what one signing drew (clock readings, nonces, UUIDs, random
 * integers) in order, and which vault secrets it read, so the very same
 * signature can be re-derived later from History.
 */
export class SigningRecorder {
  readonly #clock: Clock;
  readonly #nonces: NonceSource;
  readonly #secrets: SecretSource;
  #drawn: DrawnValue[] = [];
  readonly #used = new Map<string, SecretRef>();
  /** Every value read, so a failure that loses the signer's own redactor can still be redacted. */
  readonly redactor = new Redactor();

  constructor(clock: Clock, nonces: NonceSource, secrets: SecretSource) {
    this.#clock = clock;
    this.#nonces = nonces;
    this.#secrets = secrets;
  }

  /** A new signing of the same send (a retry after a 401) starts a new record. */
  restart(): void {
    this.#drawn = [];
    this.#used.clear();
  }

  get drawn(): readonly DrawnValue[] {
    return this.#drawn;
  }

  get secretRefs(): SecretRef[] {
    return [...this.#used.values()];
  }

  readonly clock: Clock = {
    now: () => this.#draw('clock', this.#clock.now()),
  };

  readonly nonces: NonceSource = {
    nonce: () => this.#draw('nonce', this.#nonces.nonce()),
    uuid: () => this.#draw('uuid', this.#nonces.uuid()),
    randomInt: () => this.#draw('randomInt', this.#nonces.randomInt()),
  };

  readonly secrets: SecretSource = {
    get: async (environment, name) => {
      const value = await this.#secrets.get(environment, name);
      this.redactor.add(value);
      this.#used.set(`${environment}\0${name}`, { name, environment, length: value.length, fingerprint: secretFingerprint(environment, name, value) });
      return value;
    },
  };

  #draw<T extends string | number>(kind: DrawnValue['kind'], value: T): T {
    this.#drawn.push({ kind, value: String(value) });
    return value;
  }
}

/**
 * Plays a record back: each kind of value comes out in the order it was
 * drawn. A signer that asks for more than was recorded gets the last clock
 * reading again (time stood still) or an error for a random value, since
 * inventing one would make a different signature look like the recorded one.
 */
export function replaySources(drawn: readonly DrawnValue[]): { clock: Clock; nonces: NonceSource } {
  const queues = new Map<DrawnValue['kind'], string[]>();
  for (const value of drawn) queues.set(value.kind, [...(queues.get(value.kind) ?? []), value.value]);
  let lastClock = Number(queues.get('clock')?.[0] ?? Date.now());
  const take = (kind: DrawnValue['kind']): string => {
    const next = queues.get(kind)?.shift();
    if (next === undefined) throw new ReplayExhaustedError(kind);
    return next;
  };
  return {
    clock: {
      now: () => {
        const next = queues.get('clock')?.shift();
        if (next !== undefined) lastClock = Number(next);
        return lastClock;
      },
    },
    nonces: {
      nonce: () => take('nonce'),
      uuid: () => take('uuid'),
      randomInt: () => Number(take('randomInt')),
    },
  };
}

export class ReplayExhaustedError extends Error {
  constructor(kind: string) {
    super(`The recorded send drew fewer ${kind} values than re-deriving it needs: the request or its auth changed shape.`);
    this.name = 'ReplayExhaustedError';
  }
}
