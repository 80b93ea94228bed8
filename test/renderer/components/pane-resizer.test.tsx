import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { PaneResizer } from '../../../renderer/src/shell/PaneResizer.tsx';
import { createUiStore } from '../../../renderer/src/state/ui-store.ts';
import { fakeApi, renderWithState } from '../state/fake-api.tsx';

function renderResizer(store = createUiStore()) {
  return renderWithState(
    <div data-testid="layout">
      <aside>sidebar</aside>
      <PaneResizer paneId="test.sidebar" cssVar="--test-width" label="Resize the sidebar" min={180} max={600} initial={300} />
      <main>main</main>
    </div>,
    fakeApi(),
    store,
  );
}

describe('PaneResizer', () => {
  it('resizes with the arrow keys, Home and End, within its limits, into the layout slice and the parent\'s CSS variable', async () => {
    const user = userEvent.setup();
    const { uiStore } = renderResizer();
    const divider = screen.getByRole('separator', { name: 'Resize the sidebar' });
    expect(divider.getAttribute('aria-valuenow')).toBe('300');
    expect(screen.getByTestId('layout').style.getPropertyValue('--test-width')).toBe('');

    divider.focus();
    await user.keyboard('{ArrowRight}{ArrowRight}');
    expect(uiStore.getState().paneSizes['test.sidebar']).toBe(332);
    expect(divider.getAttribute('aria-valuenow')).toBe('332');
    expect(screen.getByTestId('layout').style.getPropertyValue('--test-width')).toBe('332px');

    await user.keyboard('{Home}');
    expect(uiStore.getState().paneSizes['test.sidebar']).toBe(180);
    await user.keyboard('{ArrowLeft}');
    expect(uiStore.getState().paneSizes['test.sidebar']).toBe(180);
    await user.keyboard('{End}');
    expect(screen.getByTestId('layout').style.getPropertyValue('--test-width')).toBe('600px');
  });

  it('starts from the remembered width', () => {
    const store = createUiStore();
    store.getState().setPaneSize('test.sidebar', 420);
    renderResizer(store);
    expect(screen.getByRole('separator', { name: 'Resize the sidebar' }).getAttribute('aria-valuenow')).toBe('420');
    expect(screen.getByTestId('layout').style.getPropertyValue('--test-width')).toBe('420px');
  });
});
