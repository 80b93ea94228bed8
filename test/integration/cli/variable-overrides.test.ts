import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../../main/services/backend.ts';
import { testBackend } from '../../support/backend.ts';
import { makeTempDir } from '../../support/temp-dir.ts';
import { PASSPHRASE, preparedDataDir } from './cli-fixture.ts';

// The request service's `variables` parameter, which the CLI's --var uses.
describe('request service variable overrides', () => {
  let dir: Awaited<ReturnType<typeof makeTempDir>>;
  let backend: Backend;
  let requestId: string;
  let environmentId: string;

  beforeAll(async () => {
    dir = await makeTempDir();
    await preparedDataDir(dir.path);
    backend = testBackend(dir.path);
    await backend.dispatcher.call('vault:unlock', { passphrase: PASSPHRASE });
    const tree = await backend.dispatcher.call('workspace:tree', {});
    const request = tree.entries.find((entry) => entry.name === 'Sale (HMAC-SHA1)');
    if (!request?.parentId) throw new Error('sample missing');
    requestId = request.id;
    const environments = await backend.dispatcher.call('workspace:environments', { collectionId: request.parentId });
    environmentId = environments.find((environment) => environment.name === 'Sandbox')?.id ?? '';
  });
  afterAll(async () => {
    await backend.close();
    await dir.remove();
  });

  it('replaces a variable for one signing only', async () => {
    const overridden = await backend.requests.sign({ requestId, environmentId, variables: { endpointId: '31337' } });
    expect(overridden.request.url).toMatch(/\/sale-form\/31337$/);
    const plain = await backend.requests.sign({ requestId, environmentId });
    expect(plain.request.url).not.toContain('31337');
  });

  it('applies to a send as well', async () => {
    const result = await backend.requests.send({ requestId, environmentId, variables: { baseUrl: 'http://127.0.0.1:9' } });
    expect(result.outcome.ok).toBe(false);
    expect(result.outcome.ok ? null : result.outcome.error.kind).toBe('refused');
  });
});
