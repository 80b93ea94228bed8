import { useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import { errorMessage } from '../api/errors.ts';
import { ErrorNote } from '../components/ErrorNote.tsx';
import { rank, searchable, type PaletteItem, type PaletteKind } from './rank.ts';
import { modName } from './keys.ts';

const KIND_LABEL: Record<PaletteKind, string> = { request: 'Request', environment: 'Environment', flow: 'Flow', page: 'Page', action: 'Action' };
const PAGE_STEP = 8;

function optionId(index: number): string {
  return `palette-option-${String(index)}`;
}

/**
 * The palette's search box and matches, as a combobox over a listbox: typing
 * filters (fuzzy), Up/Down/PageUp/PageDown choose, Enter runs the choice, a
 * click runs one. An action that fails keeps the palette open with its error.
 */
export function CommandPalette({ items, loading, onDone, onShortcuts }: { items: readonly PaletteItem[]; loading: boolean; onDone: () => void; onShortcuts: () => void }) {
  const [query, setQuery] = useState('');
  const [at, setAt] = useState(0);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const search = useMemo(() => searchable(items), [items]);
  const shown = useMemo(() => rank(search, query), [search, query]);
  const current = Math.min(at, shown.length - 1);

  useEffect(() => {
    document.getElementById(optionId(current))?.scrollIntoView?.({ block: 'nearest' });
  }, [current]);

  const choose = async (item: PaletteItem | undefined) => {
    if (!item || running) return;
    setError(null);
    setRunning(true);
    try {
      await item.run();
      if (item.key !== 'action:shortcuts') onDone();
    } catch (reason) {
      setError(errorMessage(reason));
    } finally {
      setRunning(false);
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const count = shown.length;
    const moves: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: PAGE_STEP, PageUp: -PAGE_STEP };
    const by = moves[event.key];
    if (by !== undefined && count > 0) {
      event.preventDefault();
      // Single steps wrap round; page steps stop at the ends.
      setAt(Math.abs(by) === 1 ? (current + by + count) % count : Math.min(count - 1, Math.max(0, current + by)));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      void choose(shown[current]);
    }
  };

  return (
    <div className="palette">
      <input
        className="palette-input"
        role="combobox"
        aria-label="Find a request, environment, flow or action"
        aria-expanded={shown.length > 0}
        aria-controls="palette-options"
        aria-autocomplete="list"
        aria-activedescendant={current >= 0 ? optionId(current) : undefined}
        placeholder="Type to find a request, environment, flow or action"
        autoFocus
        spellCheck={false}
        autoComplete="off"
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setAt(0);
        }}
        onKeyDown={onKeyDown}
      />
      <ErrorNote error={error} />
      <ul id="palette-options" role="listbox" aria-label="Matches" className="palette-list" aria-busy={loading || running}>
        {shown.map((item, index) => (
          <li
            key={item.key}
            id={optionId(index)}
            role="option"
            aria-selected={index === current}
            className="palette-option"
            data-kind={item.kind}
            // The focus stays in the search box; a click only chooses.
            onMouseDown={(event) => event.preventDefault()}
            onMouseMove={() => setAt(index)}
            onClick={() => void choose(item)}
          >
            <span className="palette-kind">{KIND_LABEL[item.kind]}</span>
            <span className="palette-label">{item.label}</span>
            <span className="palette-detail">{item.detail}</span>
          </li>
        ))}
      </ul>
      {shown.length === 0 && <p className="empty">{loading ? 'Loading…' : `Nothing matches “${query}”. Try fewer letters, or part of a name, a method or a collection.`}</p>}
      <div className="palette-footer">
        <span role="status">
          {shown.length === 0 ? 'No matches' : `${String(shown.length)} shown`} · Up and Down choose, Enter opens, Escape closes · {modName()}+K opens this palette
        </span>
        <button type="button" onClick={onShortcuts}>
          Keyboard shortcuts
        </button>
      </div>
    </div>
  );
}
