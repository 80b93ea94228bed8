import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { ConfirmDialog, Dialog } from '../../../renderer/src/components/Dialog.tsx';

/** A button that opens a confirm dialog; confirming re-renders the button as a new element (as a refreshed list does). */
function Opener({ onConfirmed }: { onConfirmed?: () => void }) {
  const [open, setOpen] = useState(false);
  const [generation, setGeneration] = useState(0);
  return (
    <div>
      <button type="button">Elsewhere</button>
      <button key={generation} type="button" onClick={() => setOpen(true)}>
        Delete key
      </button>
      {open && (
        <ConfirmDialog
          title="Delete this key?"
          message="It cannot be brought back."
          confirmLabel="Delete"
          danger
          onCancel={() => setOpen(false)}
          onConfirm={() => {
            onConfirmed?.();
            setGeneration((count) => count + 1);
            setOpen(false);
          }}
        />
      )}
    </div>
  );
}

/** Rows with their own Delete; confirming removes the row, opener and all. */
function Rows() {
  const [names, setNames] = useState(['alpha', 'beta', 'gamma']);
  const [asking, setAsking] = useState<string | null>(null);
  return (
    <>
      <button type="button">Page start</button>
      <ul aria-label="Secrets">
        {names.map((name) => (
          <li key={name}>
            {name}
            <button type="button" onClick={() => setAsking(name)}>
              Delete {name}
            </button>
          </li>
        ))}
      </ul>
      {asking && (
        <ConfirmDialog
          title={`Delete ${asking}?`}
          message="Gone for good."
          confirmLabel="Delete"
          onCancel={() => setAsking(null)}
          onConfirm={() => {
            setNames((current) => current.filter((name) => name !== asking));
            setAsking(null);
          }}
        />
      )}
    </>
  );
}

describe('dialogs and the focus', () => {
  it('move the focus in, keep Tab inside (both ways) and close on Escape, giving the focus back to the opener', async () => {
    const user = userEvent.setup();
    render(<Opener />);
    await user.click(screen.getByRole('button', { name: 'Delete key' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete this key?' });
    const cancel = screen.getByRole('button', { name: 'Cancel' });
    const confirm = screen.getByRole('button', { name: 'Delete' });
    expect(document.activeElement).toBe(cancel);
    await user.tab();
    expect(document.activeElement).toBe(confirm);
    await user.tab();
    expect(document.activeElement).toBe(cancel);
    await user.tab({ shift: true });
    expect(document.activeElement).toBe(confirm);
    expect(dialog.contains(document.activeElement)).toBe(true);

    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Delete key' }));
  });

  it('after Cancel the focus is back on the opener', async () => {
    const user = userEvent.setup();
    render(<Opener />);
    await user.click(screen.getByRole('button', { name: 'Delete key' }));
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Delete key' }));
  });

  it('after Confirm the focus goes to the opener even though it was re-rendered as a new element', async () => {
    const user = userEvent.setup();
    const confirmed = vi.fn();
    render(<Opener onConfirmed={confirmed} />);
    const before = screen.getByRole('button', { name: 'Delete key' });
    await user.click(before);
    await user.keyboard('{Tab}{Enter}');
    expect(confirmed).toHaveBeenCalledOnce();
    const after = screen.getByRole('button', { name: 'Delete key' });
    expect(after).not.toBe(before);
    expect(document.activeElement).toBe(after);
  });

  it('when the opener itself is gone, the focus stays in the list it was in, not on the page', async () => {
    const user = userEvent.setup();
    render(<Rows />);
    await user.click(screen.getByRole('button', { name: 'Delete beta' }));
    await user.click(screen.getByRole('button', { name: 'Delete' }));
    expect(screen.queryByRole('button', { name: 'Delete beta' })).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Delete alpha' }));
  });

  it('a dialog with nothing to focus inside still holds the focus and closes on Escape', async () => {
    const user = userEvent.setup();
    const closed = vi.fn();
    render(
      <Dialog title="Working" onClose={closed}>
        <p>Please wait.</p>
      </Dialog>,
    );
    const dialog = screen.getByRole('dialog', { name: 'Working' });
    expect(document.activeElement).toBe(dialog);
    await user.tab();
    expect(document.activeElement).toBe(dialog);
    await user.keyboard('{Escape}');
    expect(closed).toHaveBeenCalledOnce();
  });
});
