import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENVIRONMENT, redactionHarness, type Harness } from './harness.ts';

const SECRET = 'typed-in-literal-9c41f0';

type SeenRequest = { id: string; url: string; headers: { name: string; value: string; enabled: boolean }[] };

// The renderer sees a literal secret as [redacted]; saving what it saw must not replace the value.
describe('saving back what the renderer was shown', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await redactionHarness();
    await h.setSecret('api_key', SECRET);
    // A send that reads the secret teaches the process-wide ledger its value.
    h.shape({ url: '{{base}}/echo', headers: [{ name: 'X-Key', value: '{{secret:api_key}}', enabled: true }] });
    await h.call('requests:send', h.ids);
  });
  afterAll(async () => {
    await h.close();
  });

  it('a literal secret in a header keeps its value when the request is saved with another change', async () => {
    h.shape({ url: '{{base}}/echo', headers: [{ name: 'X-Literal', value: SECRET, enabled: true }, { name: 'X-Plain', value: 'shown', enabled: true }] });
    const seen = await h.call<SeenRequest>('workspace:get', { id: h.ids.requestId });
    expect(seen.headers[0]!.value).toBe('[redacted]');

    await h.call('workspace:update-request', { id: seen.id, patch: { url: '{{base}}/echo?page=2', headers: seen.headers } });
    const stored = h.backend.workspace.get(seen.id) as SeenRequest;
    expect(stored.url).toBe('{{base}}/echo?page=2');
    expect(stored.headers.map((header) => header.value)).toEqual([SECRET, 'shown']);
  });

  it('a field the user changed is saved as typed, even to the placeholder text itself', async () => {
    h.shape({ url: '{{base}}/echo', headers: [{ name: 'X-Literal', value: SECRET, enabled: true }] });
    await h.call('workspace:update-request', { id: h.ids.requestId, patch: { headers: [{ name: 'X-Literal', value: 'replaced by the user', enabled: true }] } });
    expect((h.backend.workspace.get(h.ids.requestId) as SeenRequest).headers[0]!.value).toBe('replaced by the user');
    await h.call('workspace:update-request', { id: h.ids.requestId, patch: { headers: [{ name: 'X-Literal', value: '[redacted]', enabled: true }] } });
    expect((h.backend.workspace.get(h.ids.requestId) as SeenRequest).headers[0]!.value).toBe('[redacted]');
  });

  it('an environment variable holding a secret keeps its value when the environment is saved', async () => {
    const collectionId = (h.backend.workspace.get(h.ids.requestId) as { parentId: string }).parentId;
    const environment = h.backend.workspace.environments(collectionId).find((env) => env.name === ENVIRONMENT)!;
    h.backend.workspace.updateEnvironment(collectionId, environment.id, { variables: [...environment.variables, { name: 'pasted', value: `prefix-${SECRET}`, enabled: true }] });
    const seen = await h.call<{ id: string; name: string; variables: { name: string; value: string; enabled: boolean }[] }[]>('workspace:environments', { collectionId });
    const shown = seen.find((env) => env.name === ENVIRONMENT)!;
    expect(shown.variables.find((variable) => variable.name === 'pasted')!.value).toBe('prefix-[redacted]');
    await h.call('workspace:update-environment', { collectionId, environmentId: shown.id, name: 'Renamed', variables: shown.variables });
    const after = h.backend.workspace.environments(collectionId).find((env) => env.id === shown.id)!;
    expect(after.name).toBe('Renamed');
    expect(after.variables.find((variable) => variable.name === 'pasted')!.value).toBe(`prefix-${SECRET}`);
  });
});
