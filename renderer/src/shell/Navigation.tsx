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
    </nav>
  );
}
