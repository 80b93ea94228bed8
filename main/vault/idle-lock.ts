import type { Timers } from './timers.ts';

export type IdleLock = {
  /** Minutes of inactivity before `onIdle` runs; 0 turns auto-lock off. */
  setMinutes(minutes: number): void;
  /** Restarts the countdown; call on every use of the unlocked vault. */
  touch(): void;
  stop(): void;
};

export function createIdleLock(timers: Timers, onIdle: () => void): IdleLock {
  let minutes = 0;
  let handle: unknown = null;
  let running = false;

  const clear = () => {
    if (handle !== null) timers.clearTimeout(handle);
    handle = null;
  };
  const arm = () => {
    clear();
    if (!running || minutes <= 0) return;
    handle = timers.setTimeout(() => {
      handle = null;
      running = false;
      onIdle();
    }, minutes * 60_000);
  };

  return {
    setMinutes(next) {
      minutes = next;
      arm();
    },
    touch() {
      running = true;
      arm();
    },
    stop() {
      running = false;
      clear();
    },
  };
}
