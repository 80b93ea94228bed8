import { useEffect, useRef, useState, type RefObject } from 'react';
import { clearMatches, findMatches, MAX_MATCHES, paintMatches, reveal } from './find-matches.ts';

type Props = {
  /** The element whose text is searched. */
  within: RefObject<HTMLElement | null>;
  onClose: () => void;
};

/** Find in the response: every match highlighted, the current one brought into view; Enter/Shift+Enter step, Esc closes. */
export function ResponseSearch({ within, onClose }: Props) {
  const [query, setQuery] = useState('');
  const [ranges, setRanges] = useState<Range[]>([]);
  const [current, setCurrent] = useState(0);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    input.current?.focus();
    return clearMatches;
  }, []);
  const latest = useRef(query);
  const search = (text: string) => {
    latest.current = text;
    setQuery(text);
    setRanges(within.current ? findMatches(within.current, text) : []);
    setCurrent(0);
  };
  // What is shown changes under the search (another view, a filter, a new response): find again.
  useEffect(() => {
    const root = within.current;
    if (!root) return;
    const observer = new MutationObserver(() => {
      setRanges(findMatches(root, latest.current));
      setCurrent(0);
    });
    observer.observe(root, { childList: true, subtree: true, characterData: true });
    return () => observer.disconnect();
  }, [within]);
  useEffect(() => {
    paintMatches(ranges, current);
    const range = ranges[current];
    if (range) reveal(range);
  }, [ranges, current]);

  const step = (by: number) => {
    if (ranges.length > 0) setCurrent((at) => (at + by + ranges.length) % ranges.length);
  };
  const count = query === '' ? '' : ranges.length === 0 ? 'No matches' : `${current + 1} of ${ranges.length}${ranges.length >= MAX_MATCHES ? '+' : ''}`;
  return (
    <div className="wb-search" role="search" aria-label="Find in response">
      <input
        ref={input}
        type="search"
        aria-label="Find in response"
        placeholder="Find in response"
        value={query}
        onChange={(event) => search(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            step(event.shiftKey ? -1 : 1);
          } else if (event.key === 'Escape') {
            event.preventDefault();
            event.stopPropagation();
            onClose();
          }
        }}
      />
      <span role="status" className="hint wb-search-count" data-testid="search-count">
        {count}
      </span>
      <button type="button" aria-label="Previous match" title="Previous match (Shift+Enter)" disabled={ranges.length === 0} onClick={() => step(-1)}>
        ↑
      </button>
      <button type="button" aria-label="Next match" title="Next match (Enter)" disabled={ranges.length === 0} onClick={() => step(1)}>
        ↓
      </button>
      <button type="button" aria-label="Close find" title="Close (Esc)" onClick={onClose}>
        ×
      </button>
    </div>
  );
}
