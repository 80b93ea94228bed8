import { useQueries, type UseQueryResult } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import type { Environment } from '../../../main/contract/workspace.ts';
import { useApi } from '../api/context.tsx';
import { Dialog } from '../components/Dialog.tsx';
import { collectionOf } from '../pages/workbench/tree-rows.ts';
import { useGlobalKeys } from '../pages/workbench/use-shortcuts.ts';
import { channelKey } from '../state/channel-key.ts';
import { useChannel } from '../state/use-channel.ts';
import { useUi } from '../state/use-ui.ts';
import { CommandPalette } from './CommandPalette.tsx';
import { isMac, modName } from './keys.ts';
import { paletteItems, type PaletteEffects } from './palette-items.ts';
import { ShortcutList } from './ShortcutList.tsx';

export type PaletteNavigation = {
  pages: readonly { label: string; go: () => void }[];
  showWorkbench: () => void;
  showFlows: () => void;
};

type Mode = 'commands' | 'shortcuts';

/**
 * The command palette (Ctrl/Cmd+K) and the shortcut list ("?"), on every page.
 * Both are one dialog, so switching between them keeps the place the focus
 * goes back to when it closes.
 */
export function PaletteHost(props: PaletteNavigation) {
  const [mode, setMode] = useState<Mode | null>(null);
  useGlobalKeys({ palette: () => setMode('commands'), shortcuts: () => setMode('shortcuts') });
  return (
    <div className="nav-tools">
      <button type="button" className="nav-item" aria-keyshortcuts={isMac() ? 'Meta+K' : 'Control+K'} onClick={() => setMode('commands')}>
        Command palette <kbd>{modName()}+K</kbd>
      </button>
      <button type="button" className="nav-item" aria-keyshortcuts="?" onClick={() => setMode('shortcuts')}>
        Shortcuts <kbd>?</kbd>
      </button>
      {mode !== null && <PaletteDialog {...props} mode={mode} onMode={setMode} onClose={() => setMode(null)} />}
    </div>
  );
}

// Module-level so useQueries keeps one combined array while the answers stay the same.
const combineEnvironments = (results: UseQueryResult<Environment[]>[]) => results.map((result) => result.data ?? []);

function PaletteDialog({ pages, showWorkbench, showFlows, mode, onMode, onClose }: PaletteNavigation & { mode: Mode; onMode: (mode: Mode) => void; onClose: () => void }) {
  const api = useApi();
  // Fetched while the palette is open (shared with the pages' own reads of the same channels).
  const tree = useChannel('workspace:tree', {}, { invalidateOn: ['workspace:changed'] });
  const flows = useChannel('flows:list', {}, { invalidateOn: ['workspace:changed'] });
  const vault = useChannel('vault:status', {}, { invalidateOn: ['vault:changed'] });
  const collectionIds = tree.data?.collections;
  const environments = useQueries({
    queries: (collectionIds ?? []).map((collectionId) => ({
      queryKey: channelKey('workspace:environments', { collectionId }),
      queryFn: () => api.invoke['workspace:environments']({ collectionId }),
      meta: { invalidateOn: ['workspace:changed'] },
    })),
    combine: combineEnvironments,
  });
  const openTab = useUi((state) => state.openTab);
  const putTab = useUi((state) => state.putTab);
  const chooseEnvironment = useUi((state) => state.chooseEnvironment);
  const selectFlow = useUi((state) => state.selectFlow);
  const activeTabId = useUi((state) => state.activeTabId);

  const items = useMemo(() => {
    const entries = tree.data?.entries ?? [];
    const byId = new Map(entries.map((entry) => [entry.id, entry]));
    const openRequest = async (id: string) => {
      const node = await api.invoke['workspace:get']({ id });
      if (node.kind !== 'request') return;
      // An open tab keeps its unsaved edits.
      putTab(id, (tab) => tab ?? { saved: node, draft: node });
      openTab(id);
      showWorkbench();
    };
    const effects: PaletteEffects = {
      openRequest,
      useEnvironment: (collectionId, environmentId) => {
        chooseEnvironment(collectionId, environmentId);
        showWorkbench();
      },
      openFlow: (collectionId, flowId) => {
        selectFlow({ collectionId, flowId });
        showFlows();
      },
      newRequest: async () => {
        const collection = (activeTabId ? collectionOf(byId, activeTabId) : undefined) ?? byId.get(collectionIds?.[0] ?? '');
        if (!collection) throw new Error('There is no collection yet: choose “New collection” first.');
        const node = await api.invoke['workspace:create']({ kind: 'request', parentId: collection.id, name: 'New request', method: 'GET' });
        await openRequest(node.id);
      },
      newCollection: async () => {
        await api.invoke['workspace:create']({ kind: 'collection', name: 'New collection' });
        showWorkbench();
      },
      lockVault: async () => {
        await api.invoke['vault:lock']({});
      },
      showShortcuts: () => onMode('shortcuts'),
    };
    const withEnvironments = (collectionIds ?? []).flatMap((id, index) => {
      const collection = byId.get(id);
      return collection ? [{ collection, list: environments[index] ?? [] }] : [];
    });
    return paletteItems({ entries, byId, environments: withEnvironments, flows: flows.data ?? [], vaultUnlocked: vault.data?.state === 'unlocked', pages }, effects);
  }, [tree.data, collectionIds, environments, flows.data, vault.data, pages, api, putTab, openTab, chooseEnvironment, activeTabId, showWorkbench, showFlows, onMode, selectFlow]);

  return (
    <Dialog title={mode === 'commands' ? 'Command palette' : 'Keyboard shortcuts'} onClose={onClose}>
      {mode === 'commands' ? (
        <CommandPalette items={items} loading={tree.isPending} onDone={onClose} onShortcuts={() => onMode('shortcuts')} />
      ) : (
        <>
          <ShortcutList />
          <div className="dialog-actions">
            <button type="button" onClick={() => onMode('commands')}>
              Command palette
            </button>
            <button type="button" className="primary" onClick={onClose} autoFocus>
              Close
            </button>
          </div>
        </>
      )}
    </Dialog>
  );
}
