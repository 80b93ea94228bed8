import { describe, expect, it } from 'vitest';
import { sharedConnectionPools } from '../../../main/http/connection-pool.ts';
import { closeConnectionPoolsIfOpen } from '../../../main/http/pool-lifetime.ts';
import { TimingRecorder } from '../../../main/http/timing.ts';

// The CLI (after each command) and the app (at quit) close the pools a send opened; idle keep-alive sockets would hold the process open.
describe('closing the process connection pools at exit', () => {
  it('closes the pools a send opened, and the next send gets new ones', async () => {
    const pools = sharedConnectionPools();
    const lease = pools.lease({ proxy: null, tls: undefined, connectTimeoutMs: 1000 }, new TimingRecorder(() => performance.now()));
    lease.release();
    await closeConnectionPoolsIfOpen();
    // A closed undici dispatcher refuses new requests at once, before any connection is tried.
    await expect(lease.dispatcher.request({ origin: 'http://127.0.0.1:9', path: '/', method: 'GET' })).rejects.toThrow(/closed|destroyed/i);
    expect(sharedConnectionPools()).not.toBe(pools);
    await closeConnectionPoolsIfOpen();
  });

  it('does nothing when no send was made', async () => {
    await expect(closeConnectionPoolsIfOpen()).resolves.toBeUndefined();
  });
});
