import { useMemo } from 'react';
import { PaletteHost } from '../palette/PaletteHost.tsx';

export type PageId = 'home' | 'workbench' | 'flows' | 'vault' | 'keys' | 'settings';

export const PAGES: readonly { id: PageId; label: string }[] = [
  { id: 'home', label: 'Home' },
  { id: 'workbench', label: 'Workbench' },
  { id: 'flows', label: 'Flows' },
  { id: 'vault', label: 'Vault' },
  { id: 'keys', label: 'Keys' },
  { id: 'settings', label: 'Settings' },
];

export function Navigation({ current, onSelect }: { current: PageId; onSelect: (page: PageId) => void }) {
  const palette = useMemo(
    () => ({
      pages: PAGES.map((page) => ({ label: page.label, go: () => onSelect(page.id) })),
      showWorkbench: () => onSelect('workbench'),
      showFlows: () => onSelect('flows'),
    }),
    [onSelect],
  );
  return (
    <nav className="navigation" aria-label="Main">
      <ul>
        {PAGES.map((page) => (
          <li key={page.id}>
            <button
              type="button"
              className="nav-item"
              aria-current={page.id === current ? 'page' : undefined}
              onClick={() => onSelect(page.id)}
            >
              {page.label}
            </button>
          </li>
        ))}
      </ul>
      <PaletteHost {...palette} />
    </nav>
  );
}
