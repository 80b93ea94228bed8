import { createConfStoreFactory } from '../../main/platform/conf-store.ts';
import { createBackend, type Backend } from '../../main/services/backend.ts';

/** A backend over conf stores in `dataDir`, as browser mode builds it. */
export function testBackend(dataDir: string, log?: (message: string, error?: unknown) => void): Backend {
  // A cheap key derivation: these tests are about the doors, not the vault's cost.
  return createBackend({
    mode: 'browser',
    dataDir,
    stores: createConfStoreFactory(dataDir),
    version: '9.9.9-test',
    ...(log ? { log } : {}),
    vaultTuning: { scryptParams: { N: 2 ** 10, r: 8, p: 1 } },
  });
}

/**
 * Calls a channel the way a door does (input guard, schema, envelope) and
 * returns the value, or throws with the channel's message. `backend` is read
 * at call time, so a test may assign it in beforeAll.
 */
export function contractCaller(backend: () => Backend) {
  return async <T,>(name: string, input: unknown): Promise<T> => {
    const envelope = await backend().dispatcher.invoke(name, input, { door: 'test' });
    if (!envelope.ok) throw new Error(`${name}: ${envelope.error.message}`);
    return envelope.value as T;
  };
}
