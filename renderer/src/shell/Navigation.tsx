export type PageId = 'home' | 'vault' | 'settings';

export const PAGES: readonly { id: PageId; label: string }[] = [
  { id: 'home', label: 'Home' },
  { id: 'vault', label: 'Vault' },
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
