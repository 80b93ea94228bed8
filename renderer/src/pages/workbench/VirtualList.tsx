import { useEffect, useRef, useState, type FocusEvent, type KeyboardEvent, type ReactNode, type RefObject } from 'react';

const OVERSCAN = 8;

/**
 * A list that renders only the rows in view (fixed row height), so a tree of
 * thousands of requests costs the same as one screenful. It is the tree's one
 * tab stop: focus stays on the list and `aria-activedescendant` names the row
 * under the cursor, so scrolling rows away never drops the focus.
 */
export function VirtualList<T>(props: {
  items: readonly T[];
  rowHeight: number;
  label: string;
  /** When this changes (a new filter), the list goes back to the top. */
  resetKey?: string;
  /** A stable key per item, so a row's element follows its item when the list changes. */
  getKey: (item: T) => string;
  /** The keyboard cursor: kept in view as it moves, and always rendered (its id is the active descendant). */
  cursorIndex?: number;
  /** The DOM id of the row under the cursor, for screen readers. */
  activeDescendant?: string | undefined;
  /** The list element, for callers that put the focus back on it. */
  listRef?: RefObject<HTMLDivElement | null>;
  onKeyDown?: (event: KeyboardEvent<HTMLDivElement>) => void;
  onFocus?: (event: FocusEvent<HTMLDivElement>) => void;
  render: (item: T, index: number) => ReactNode;
}) {
  const { items, rowHeight } = props;
  const own = useRef<HTMLDivElement>(null);
  const ref = props.listRef ?? own;
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(600);

  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new ResizeObserver(() => setHeight(element.clientHeight));
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);

  useEffect(() => {
    ref.current?.scrollTo({ top: 0 });
  }, [props.resetKey, ref]);

  const { cursorIndex } = props;
  useEffect(() => {
    const element = ref.current;
    if (!element || cursorIndex === undefined || cursorIndex < 0) return;
    const rowTop = cursorIndex * rowHeight;
    if (rowTop < element.scrollTop) element.scrollTop = rowTop;
    else if (rowTop + rowHeight > element.scrollTop + element.clientHeight) element.scrollTop = rowTop + rowHeight - element.clientHeight;
  }, [cursorIndex, rowHeight, ref]);

  // A list that just got shorter may not have reported its clamped scroll yet.
  const top = Math.min(scrollTop, Math.max(0, items.length * rowHeight - height));
  const first = Math.max(0, Math.floor(top / rowHeight) - OVERSCAN);
  const last = Math.min(items.length, Math.ceil((top + height) / rowHeight) + OVERSCAN);
  const shown = items.slice(first, last);

  const row = (item: T, index: number) => (
    <div key={props.getKey(item)} style={{ height: rowHeight }}>
      {props.render(item, index)}
    </div>
  );
  // The cursor's row scrolled out by the wheel stays mounted where it belongs, so the active descendant exists.
  const cursorItem = cursorIndex !== undefined && cursorIndex >= 0 && (cursorIndex < first || cursorIndex >= last) ? items[cursorIndex] : undefined;
  const pinned = cursorItem === undefined || cursorIndex === undefined ? null : <div style={{ position: 'absolute', top: cursorIndex * rowHeight, left: 0, right: 0 }}>{row(cursorItem, cursorIndex)}</div>;

  return (
    <div
      ref={ref}
      className="wb-virtual"
      role="tree"
      tabIndex={0}
      aria-label={props.label}
      aria-activedescendant={props.activeDescendant}
      onKeyDown={props.onKeyDown}
      onFocus={props.onFocus}
      onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
    >
      <div style={{ height: items.length * rowHeight, position: 'relative' }}>
        {cursorIndex !== undefined && cursorIndex < first && pinned}
        <div style={{ position: 'absolute', top: first * rowHeight, left: 0, right: 0 }}>{shown.map((item, offset) => row(item, first + offset))}</div>
        {cursorIndex !== undefined && cursorIndex >= last && pinned}
      </div>
    </div>
  );
}
