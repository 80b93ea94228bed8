import { describe, expect, it } from 'vitest';
import { filterListing } from '../../../renderer/src/pages/workbench/tree-filter.ts';
import { filterTree } from '../../../main/workspace/filter.ts';
import { generateWorkspace } from '../../../main/workspace/generate.ts';
import { listTree } from '../../../main/workspace/listing.ts';

// The sidebar filters in the renderer now; it must show exactly what main's filter would.
describe('sidebar filter in the renderer', () => {
  const doc = generateWorkspace({ requests: 600, collections: 3, foldersPerCollection: 6 });
  const listing = listTree(doc);
  const byId = new Map(listing.entries.map((entry) => [entry.id, entry]));

  it('shows the same items as main for names, methods, URLs and several terms', () => {
    const someRequest = listing.entries.find((entry) => entry.kind === 'request')!;
    const queries = ['invoice', 'INVOICE-00', 'post', 'get invoice-01', someRequest.name.slice(2, 9), (someRequest.url ?? '').slice(-6), 'folder 1', 'no such thing'];
    for (const query of queries) {
      const inRenderer = filterListing(listing.entries, byId, query);
      expect([...(inRenderer ?? [])].sort(), query).toEqual([...filterTree(doc, query).visible].sort());
    }
  });

  it('means no filter for blank text', () => {
    expect(filterListing(listing.entries, byId, '   ')).toBeNull();
  });
});
