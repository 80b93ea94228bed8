import { fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import type { RequestNode } from '../../../main/contract/workspace.ts';
import { primaryModifier, shortcutList } from '../../../renderer/src/palette/keys.ts';
import { TabBar, tabPanelProps } from '../../../renderer/src/pages/workbench/TabBar.tsx';
import type { OpenTab, TabsView } from '../../../renderer/src/pages/workbench/use-tabs.ts';

function request(id: string, name: string): RequestNode {
  return { kind: 'request', id, parentId: 'c1', name, method: 'GET', url: `https://x.test/${id}`, params: [], headers: [], body: { kind: 'none' }, auth: { mode: 'inherit' } };
}

/** The TabBar over a small in-memory TabsView, with the request panel it controls. */
function Harness({ dirty = [] as string[] }) {
  const names: Record<string, string> = { a: 'Alpha', b: 'Beta', c: 'Gamma' };
  const [order, setOrder] = useState(['a', 'b', 'c']);
  const [activeId, setActiveId] = useState<string | null>('b');
  const tabs: Record<string, OpenTab> = Object.fromEntries(
    order.map((id) => {
      const saved = request(id, names[id] ?? id);
      return [id, { saved, draft: dirty.includes(id) ? { ...saved, url: 'changed' } : saved }];
    }),
  );
  const view: TabsView = {
    order,
    tabs,
    activeId,
    error: null,
    open: () => undefined,
    close: (id) => {
      const rest = order.filter((other) => other !== id);
      setOrder(rest);
      setActiveId((current) => (current === id ? (rest.at(-1) ?? null) : current));
    },
    activate: setActiveId,
    edit: () => undefined,
    save: () => Promise.resolve(),
    resolveConflict: () => Promise.resolve(),
  };
  return (
    <>
      <TabBar tabs={view} />
      <div {...tabPanelProps(activeId)}>
        <label>
          URL <input defaultValue="x" />
        </label>
      </div>
    </>
  );
}

const selected = () => screen.getByRole('tab', { selected: true });

describe('request tabs from the keyboard', () => {
  it('the tablist holds only tabs; each close button is labelled with its request and sits outside it', () => {
    render(<Harness />);
    const list = screen.getByRole('tablist', { name: 'Open requests' });
    expect(within(list).queryAllByRole('button')).toHaveLength(0);
    expect(within(list).getAllByRole('tab').map((tab) => tab.textContent)).toEqual(['GETAlpha', 'GETBeta', 'GETGamma']);
    expect(screen.getAllByRole('button', { name: /^Close / }).map((button) => button.getAttribute('aria-label'))).toEqual(['Close Alpha', 'Close Beta', 'Close Gamma']);
  });

  it('the tablist owns the panel: the tab in view controls it and labels it', () => {
    render(<Harness />);
    const panel = screen.getByRole('tabpanel');
    expect(selected().getAttribute('aria-controls')).toBe(panel.id);
    expect(panel.getAttribute('aria-labelledby')).toBe(selected().id);
    expect(screen.getByRole('tab', { name: /Alpha/ }).getAttribute('aria-controls')).toBeNull();
  });

  it('is one tab stop; the arrows, Home and End move between tabs and show them', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    expect(screen.getAllByRole('tab').map((tab) => tab.tabIndex)).toEqual([-1, 0, -1]);
    selected().focus();
    await user.keyboard('{ArrowRight}');
    expect(selected().textContent).toContain('Gamma');
    expect(document.activeElement).toBe(selected());
    await user.keyboard('{ArrowRight}');
    expect(selected().textContent).toContain('Alpha');
    await user.keyboard('{End}');
    expect(selected().textContent).toContain('Gamma');
    await user.keyboard('{Home}');
    expect(selected().textContent).toContain('Alpha');
    await user.keyboard('{ArrowLeft}');
    expect(selected().textContent).toContain('Gamma');
    expect(document.activeElement).toBe(selected());
  });

  it('Ctrl+Tab and Ctrl+Shift+Tab switch tabs from anywhere, and so do Alt+PageDown and Alt+PageUp', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    screen.getByLabelText('URL').focus();
    await user.keyboard('{Control>}{Tab}{/Control}');
    expect(selected().textContent).toContain('Gamma');
    expect(document.activeElement).toBe(selected());
    await user.keyboard('{Control>}{Shift>}{Tab}{/Shift}{/Control}');
    expect(selected().textContent).toContain('Beta');
    await user.keyboard('{Alt>}{PageDown}{/Alt}');
    expect(selected().textContent).toContain('Gamma');
    await user.keyboard('{Alt>}{PageUp}{/Alt}{Alt>}{PageUp}{/Alt}');
    expect(selected().textContent).toContain('Alpha');
  });

  it('Ctrl+W closes the tab in view and puts the focus on the one shown next; Alt+W does the same in a browser', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    screen.getByLabelText('URL').focus();
    await user.keyboard('{Control>}w{/Control}');
    expect(screen.queryByRole('tab', { name: /Beta/ })).toBeNull();
    expect(selected().textContent).toContain('Gamma');
    expect(document.activeElement).toBe(selected());
    await user.keyboard('{Alt>}w{/Alt}');
    expect(screen.getAllByRole('tab').map((tab) => tab.textContent)).toEqual(['GETAlpha']);
    expect(document.activeElement).toBe(selected());
  });

  it('Ctrl+W on a tab with unsaved changes asks first: Cancel keeps it (focus back), Discard closes it', async () => {
    const user = userEvent.setup();
    render(<Harness dirty={['b']} />);
    selected().focus();
    await user.keyboard('{Control>}w{/Control}');
    const dialog = screen.getByRole('dialog', { name: 'Close Beta without saving?' });
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(selected().textContent).toContain('Beta');
    expect(document.activeElement).toBe(selected());
    await user.keyboard('{Delete}');
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Discard changes' }));
    expect(screen.queryByRole('tab', { name: /Beta/ })).toBeNull();
    expect(document.activeElement).toBe(selected());
  });

  it('while a dialog is open the tab keys do nothing', async () => {
    const user = userEvent.setup();
    render(<Harness dirty={['b']} />);
    await user.click(screen.getByRole('button', { name: 'Close Beta' }));
    fireEvent.keyDown(window, { key: 'Tab', code: 'Tab', ctrlKey: true });
    expect(selected().textContent).toContain('Beta');
  });
});

describe('the shortcut keys per platform', () => {
  it('Cmd is the modifier on macOS and Ctrl elsewhere', () => {
    expect(primaryModifier({ ctrlKey: false, metaKey: true }, true)).toBe(true);
    expect(primaryModifier({ ctrlKey: true, metaKey: false }, true)).toBe(false);
    expect(primaryModifier({ ctrlKey: true, metaKey: false }, false)).toBe(true);
    expect(shortcutList(true).find((shortcut) => shortcut.what.startsWith('Open the command palette'))?.keys).toEqual(['Cmd+K']);
    expect(shortcutList(false).find((shortcut) => shortcut.what.startsWith('Close the request tab'))?.keys).toEqual(['Ctrl+W', 'Alt+W']);
  });
});
