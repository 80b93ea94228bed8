import { randomBytes } from 'node:crypto';
import type { ExecutorDeps } from '../../../../main/http/options.ts';

/** Real clocks, no proxy variables from the machine running the tests. */
export function testDeps(overrides: Partial<ExecutorDeps> = {}): ExecutorDeps {
  return {
    monotonicMs: () => performance.now(),
    wallClockMs: () => Date.now(),
    randomHex: () => randomBytes(8).toString('hex'),
    env: {},
    ...overrides,
  };
}
