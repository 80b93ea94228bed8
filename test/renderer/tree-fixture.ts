import { beforeAll, vi } from 'vitest';
import type { TreeEntry, TreeListing } from '../../main/contract/workspace.ts';

/**
 * For a test file that renders the sidebar's request tree: jsdom has no layout, so its virtual list
 * measures nothing (ResizeObserver) and scrolls nowhere (scrollTo).
 */
export function stubTreeLayout(): void {
  beforeAll(() => {
    vi.stubGlobal(
      'ResizeObserver',
      class {
        observe() {}
        disconnect() {}
      },
    );
    Element.prototype.scrollTo = () => undefined;
  });
}

/** A workspace:tree answer over these entries: every entry without a parent is a collection, in order. */
export function treeListing(entries: TreeEntry[]): TreeListing {
  return { collections: entries.filter((entry) => entry.parentId === null).map((entry) => entry.id), entries };
}
