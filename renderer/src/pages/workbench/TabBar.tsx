import { useState } from 'react';
import { ConfirmDialog } from '../../components/Dialog.tsx';
import { isDirty, type TabsView } from './use-tabs.ts';

export function TabBar({ tabs }: { tabs: TabsView }) {
  const [closing, setClosing] = useState<{ id: string; name: string } | null>(null);
  if (tabs.order.length === 0) return null;
  return (
    <div className="wb-tabs" role="tablist" aria-label="Open requests">
      {closing && (
        <ConfirmDialog
          title={`Close ${closing.name} without saving?`}
          message="Its unsaved changes will be lost."
          confirmLabel="Discard changes"
          danger
          onCancel={() => setClosing(null)}
          onConfirm={() => {
            tabs.close(closing.id);
            setClosing(null);
          }}
        />
      )}
      {tabs.order.map((id) => {
        const tab = tabs.tabs[id];
        const name = tab?.draft.name ?? '…';
        const dirty = tab ? isDirty(tab) : false;
        return (
          <div key={id} className={`wb-tab${id === tabs.activeId ? ' active' : ''}`} data-testid="request-tab" data-dirty={dirty}>
            <button type="button" role="tab" aria-selected={id === tabs.activeId} onClick={() => tabs.activate(id)}>
              {tab && <span className={`wb-method method-${tab.draft.method.toLowerCase()}`}>{tab.draft.method}</span>}
              {name}
              {dirty && (
                <span className="wb-dirty" title="Unsaved changes (Ctrl/Cmd+S saves)" aria-label="unsaved changes" data-testid="unsaved-marker">
                  ●
                </span>
              )}
            </button>
            <button type="button" className="wb-tab-close" aria-label={`Close ${name}`} onClick={() => (dirty ? setClosing({ id, name }) : tabs.close(id))}>
              ×
            </button>
          </div>
        );
      })}
    </div>
  );
}
