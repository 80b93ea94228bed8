import { useEffect, useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { useUi } from '../state/use-ui.ts';

type Props = {
  /** Where the size is remembered in the UI store's layout slice, e.g. "workbench.sidebar". */
  paneId: string;
  /** The CSS variable the pane's width reads, set on the resizer's parent element. */
  cssVar: string;
  label: string;
  min: number;
  max: number;
  /** The width used until the user drags. */
  initial: number;
};

const STEP = 16;

/**
 * A vertical divider that resizes the pane on its left: drag it, or focus it
 * and use the arrow keys (Home/End for the limits). The width is kept in the
 * UI store's layout slice, which remembers it per user.
 */
export function PaneResizer({ paneId, cssVar, label, min, max, initial }: Props) {
  const stored = useUi((state) => state.paneSizes[paneId]);
  const setPaneSize = useUi((state) => state.setPaneSize);
  const self = useRef<HTMLDivElement>(null);
  const width = Math.min(max, Math.max(min, stored ?? initial));

  useEffect(() => {
    const parent = self.current?.parentElement;
    if (!parent) return;
    if (stored === undefined) parent.style.removeProperty(cssVar);
    else parent.style.setProperty(cssVar, `${String(width)}px`);
  }, [cssVar, stored, width]);

  const set = (next: number) => setPaneSize(paneId, Math.min(max, Math.max(min, next)));

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    const pane = self.current?.previousElementSibling;
    if (!pane) return;
    event.preventDefault();
    const startX = event.clientX;
    const startWidth = pane.getBoundingClientRect().width;
    const move = (e: globalThis.PointerEvent) => set(startWidth + e.clientX - startX);
    const up = () => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
    };
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const next = { ArrowLeft: width - STEP, ArrowRight: width + STEP, Home: min, End: max }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    set(next);
  };

  return (
    <div
      ref={self}
      className="pane-resizer"
      role="separator"
      aria-orientation="vertical"
      aria-label={label}
      aria-valuemin={min}
      aria-valuemax={max}
      aria-valuenow={width}
      tabIndex={0}
      onPointerDown={onPointerDown}
      onKeyDown={onKeyDown}
      onDoubleClick={() => setPaneSize(paneId, initial)}
    />
  );
}
