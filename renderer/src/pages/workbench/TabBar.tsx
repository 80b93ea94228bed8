import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { ConfirmDialog } from '../../components/Dialog.tsx';
import { useTabKeys } from './use-shortcuts.ts';
import { isDirty, type TabsView } from './use-tabs.ts';

/** The one panel that shows the active request; the page that renders it spreads `tabPanelProps` on it. */
export const TAB_PANEL_ID = 'wb-request-panel';

export function tabDomId(id: string): string {
  return `wb-tab-${id}`;
}

export function tabPanelProps(activeId: string | null): { role: 'tabpanel'; id: string; 'aria-labelledby'?: string } {
  return activeId ? { role: 'tabpanel', id: TAB_PANEL_ID, 'aria-labelledby': tabDomId(activeId) } : { role: 'tabpanel', id: TAB_PANEL_ID };
}

/**
 * Open requests as a tablist: one tab stop (the tab in view), Left/Right/Home/End
 * move between tabs and show them, Delete closes. A tablist may hold only tabs,
 * so each tab's close button sits in a sibling group, placed beside its tab by
 * CSS order. Ctrl/Cmd+W, Ctrl+Tab and their Alt forms work while it is shown.
 */
export function TabBar({ tabs }: { tabs: TabsView }) {
  const [closing, setClosing] = useState<{ id: string; name: string } | null>(null);
  // The tab to focus once it is shown (a tab closed or switched from the keyboard).
  const focusNext = useRef<string | null>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const { order, activeId } = tabs;

  useEffect(() => {
    if (focusNext.current === null) return;
    document.getElementById(tabDomId(focusNext.current))?.focus();
    focusNext.current = null;
  });
  /** `rendering`: a render follows (a tab was closed or another shown); otherwise focus now. */
  const setFocusId = (id: string, rendering: boolean) => {
    if (rendering) focusNext.current = id;
    else document.getElementById(tabDomId(id))?.focus();
  };

  // aria-controls only once the panel is on the page: a reference to nothing is worse than none.
  useLayoutEffect(() => {
    for (const tab of listRef.current?.querySelectorAll('[role="tab"]') ?? []) {
      if (tab.getAttribute('aria-selected') === 'true' && document.getElementById(TAB_PANEL_ID)) tab.setAttribute('aria-controls', TAB_PANEL_ID);
      else tab.removeAttribute('aria-controls');
    }
  });

  const nameOf = (id: string) => tabs.tabs[id]?.draft.name ?? '…';
  const show = (id: string | undefined) => {
    if (id === undefined) return;
    setFocusId(id, id !== activeId);
    tabs.activate(id);
  };
  const step = (by: number) => {
    if (order.length === 0) return;
    const at = activeId === null ? -1 : order.indexOf(activeId);
    show(order[(at + by + order.length) % order.length]);
  };
  const requestClose = (id: string) => {
    const tab = tabs.tabs[id];
    if (tab && isDirty(tab)) {
      setClosing({ id, name: nameOf(id) });
      return;
    }
    close(id);
  };
  const close = (id: string) => {
    const rest = order.filter((other) => other !== id);
    tabs.close(id);
    // The neighbour shown in its place takes the focus, so the keyboard is never left on nothing.
    const next = activeId === id ? rest.at(-1) : activeId;
    if (next) setFocusId(next, true);
  };

  useTabKeys({
    close: () => {
      if (activeId !== null && closing === null) requestClose(activeId);
    },
    next: () => step(1),
    previous: () => step(-1),
  });

  const onTabKey = (event: KeyboardEvent<HTMLButtonElement>, id: string) => {
    const at = order.indexOf(id);
    const keys: Record<string, () => void> = {
      ArrowRight: () => show(order[(at + 1) % order.length]),
      ArrowLeft: () => show(order[(at - 1 + order.length) % order.length]),
      Home: () => show(order[0]),
      End: () => show(order.at(-1)),
      Delete: () => requestClose(id),
    };
    const run = keys[event.key];
    if (!run || event.ctrlKey || event.metaKey || event.altKey) return;
    event.preventDefault();
    run();
  };

  if (order.length === 0) return null;
  return (
    <div className="wb-tabs">
      <div ref={listRef} className="wb-tablist" role="tablist" aria-label="Open requests">
        {order.map((id, index) => {
          const tab = tabs.tabs[id];
          const selected = id === activeId;
          return (
            <button
              key={id}
              id={tabDomId(id)}
              type="button"
              role="tab"
              className={`wb-tab${selected ? ' active' : ''}`}
              style={{ order: index * 2 }}
              aria-selected={selected}
              tabIndex={selected || (activeId === null && index === 0) ? 0 : -1}
              data-testid="request-tab"
              data-dirty={tab ? isDirty(tab) : false}
              onClick={() => tabs.activate(id)}
              onKeyDown={(event) => onTabKey(event, id)}
            >
              {tab && <span className={`wb-method method-${tab.draft.method.toLowerCase()}`}>{tab.draft.method}</span>}
              {nameOf(id)}
              {tab && isDirty(tab) && (
                <span className="wb-dirty" role="img" title="Unsaved changes (Ctrl/Cmd+S saves)" aria-label="unsaved changes" data-testid="unsaved-marker">
                  ●
                </span>
              )}
            </button>
          );
        })}
      </div>
      <div className="wb-tab-closers">
        {order.map((id, index) => (
          <button
            key={id}
            type="button"
            className={`wb-tab-close${id === activeId ? ' active' : ''}`}
            style={{ order: index * 2 + 1 }}
            tabIndex={id === activeId ? 0 : -1}
            aria-label={`Close ${nameOf(id)}`}
            title={`Close ${nameOf(id)}`}
            onClick={() => requestClose(id)}
          >
            ×
          </button>
        ))}
      </div>
      {closing && (
        <ConfirmDialog
          title={`Close ${closing.name} without saving?`}
          message="Its unsaved changes will be lost."
          confirmLabel="Discard changes"
          danger
          onCancel={() => setClosing(null)}
          onConfirm={() => {
            close(closing.id);
            setClosing(null);
          }}
        />
      )}
    </div>
  );
}
