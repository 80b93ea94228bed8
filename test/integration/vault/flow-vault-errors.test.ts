import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FlowRunState, FlowSummary, FlowView } from '../../../main/contract/flows.ts';
import type { Backend } from '../../../main/services/backend.ts';
import { contractCaller, testBackend } from '../../support/backend.ts';
import { makeTempDir } from '../../support/temp-dir.ts';

describe('a first-run flow that needs the vault', () => {
  let dir: Awaited<ReturnType<typeof makeTempDir>>;
  let backend: Backend;
  const call = contractCaller(() => backend);

  beforeAll(async () => {
    dir = await makeTempDir();
    backend = testBackend(dir.path);
  });
  afterAll(async () => {
    await backend.close();
    await dir.remove();
  });

  const runDownloadReport = async (runId: string) => {
    const flows = await call<FlowSummary[]>('flows:list', {});
    const flow = flows.find((candidate) => candidate.collectionName === 'PayNet OSP' && candidate.name === 'Download report');
    if (!flow) throw new Error('no Download report flow');
    const view = await call<FlowView>('flows:get', { collectionId: flow.collectionId, flowId: flow.id });
    const environmentId = view.environments.find((env) => env.name === 'Sandbox')?.id ?? '';
    return call<FlowRunState>('flows:run', { collectionId: flow.collectionId, flowId: flow.id, environmentId, runId });
  };

  it('says which vault problem stopped it, with the code the screen turns into Create or Unlock', async () => {
    const before = await runDownloadReport('no-vault');
    expect(before.status).toBe('failed');
    expect(before.steps[0]).toMatchObject({ status: 'failed', vaultProblem: 'vault_absent', message: expect.stringMatching(/no vault yet/) as unknown });

    await call('vault:setup', { passphrase: 'a passphrase for tests' });
    for (let i = 0; i < 100 && backend.vault.list({ environment: 'Sandbox' }).secrets.length < 6; i++) await new Promise((r) => setTimeout(r, 20));
    await call('vault:lock', {});
    const locked = await runDownloadReport('locked');
    expect(locked.steps[0]).toMatchObject({ status: 'failed', vaultProblem: 'locked' });
  });
});
