import type { Assertion } from '../../../main/contract/assertions.ts';
import type { TreeEntry } from '../../../main/contract/workspace.ts';
import { testBackend } from '../../support/backend.ts';

/** Replaces the assertions of the request at "Collection/Request" in the data directory's workspace, as the app's editor saves them. */
export async function setAssertions(dataDir: string, path: string, assertions: readonly (Partial<Assertion> & { kind: Assertion['kind'] })[]): Promise<void> {
  const backend = testBackend(dataDir);
  try {
    const tree = await backend.dispatcher.call('workspace:tree', {});
    const byId = new Map(tree.entries.map((entry) => [entry.id, entry]));
    const pathOf = (entry: TreeEntry): string => (entry.parentId === null ? entry.name : `${pathOf(byId.get(entry.parentId) ?? entry)}/${entry.name}`);
    const request = tree.entries.find((entry) => entry.kind === 'request' && pathOf(entry) === path);
    if (!request) throw new Error(`no request ${path}`);
    const envelope = await backend.dispatcher.invoke('workspace:update-request', { id: request.id, patch: { assertions } }, { door: 'test' });
    if (!envelope.ok) throw new Error(envelope.error.message);
  } finally {
    await backend.close();
  }
}
