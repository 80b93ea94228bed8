import type { FlowSummary } from '../../../main/contract/flows.ts';
import type { Environment, TreeEntry } from '../../../main/contract/workspace.ts';
import type { PaletteItem } from './rank.ts';

/** What choosing an item does; the host wires these to the store, main and the page switcher. */
export type PaletteEffects = {
  openRequest: (id: string) => Promise<void>;
  useEnvironment: (collectionId: string, environmentId: string) => void;
  openFlow: (collectionId: string, flowId: string) => void;
  newRequest: () => Promise<void>;
  newCollection: () => Promise<void>;
  lockVault: () => Promise<void>;
  showShortcuts: () => void;
};

export type PaletteData = {
  entries: readonly TreeEntry[];
  byId: ReadonlyMap<string, TreeEntry>;
  environments: readonly { collection: TreeEntry; list: readonly Environment[] }[];
  flows: readonly FlowSummary[];
  vaultUnlocked: boolean;
  /** The app's pages, each with how to show it. */
  pages: readonly { label: string; go: () => void }[];
};

/** "Collection / Folder" for an entry, each container's path worked out once. */
function placeFinder(byId: ReadonlyMap<string, TreeEntry>): (entry: TreeEntry) => string {
  const paths = new Map<string, string>();
  const pathOf = (id: string | null, depth = 0): string => {
    if (id === null || depth > 64) return '';
    const known = paths.get(id);
    if (known !== undefined) return known;
    const entry = byId.get(id);
    const above = entry ? pathOf(entry.parentId, depth + 1) : '';
    const path = entry ? (above ? `${above} / ${entry.name}` : entry.name) : '';
    paths.set(id, path);
    return path;
  };
  return (entry) => pathOf(entry.parentId);
}

export function paletteItems(data: PaletteData, fx: PaletteEffects): PaletteItem[] {
  const items: PaletteItem[] = [
    { key: 'action:new-request', kind: 'action', label: 'New request', detail: 'in the collection in view', run: fx.newRequest },
    { key: 'action:new-collection', kind: 'action', label: 'New collection', detail: 'Workbench', run: fx.newCollection },
    { key: 'action:shortcuts', kind: 'action', label: 'Keyboard shortcuts', detail: 'the list of keys', run: fx.showShortcuts },
  ];
  if (data.vaultUnlocked) items.push({ key: 'action:lock', kind: 'action', label: 'Lock vault', detail: 'secrets stay encrypted until it is unlocked again', run: fx.lockVault });
  for (const page of data.pages) items.push({ key: `page:${page.label}`, kind: 'page', label: `Go to ${page.label}`, detail: 'page', run: page.go });
  for (const { collection, list } of data.environments) {
    for (const environment of list) {
      items.push({
        key: `environment:${collection.id}:${environment.id}`,
        kind: 'environment',
        label: environment.name,
        detail: `environment of ${collection.name}`,
        run: () => fx.useEnvironment(collection.id, environment.id),
      });
    }
  }
  for (const flow of data.flows) {
    items.push({ key: `flow:${flow.collectionId}:${flow.id}`, kind: 'flow', label: flow.name, detail: `flow in ${flow.collectionName}`, run: () => fx.openFlow(flow.collectionId, flow.id) });
  }
  const placeOf = placeFinder(data.byId);
  for (const entry of data.entries) {
    if (entry.kind !== 'request') continue;
    items.push({ key: `request:${entry.id}`, kind: 'request', label: entry.name, detail: `${entry.method ?? 'GET'} · ${placeOf(entry)}`, run: () => fx.openRequest(entry.id) });
  }
  return items;
}
