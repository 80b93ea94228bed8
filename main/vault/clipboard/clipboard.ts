import { createHash, timingSafeEqual } from 'node:crypto';
import type { Timers } from '../timers.ts';

/** The clipboard the vault writes to: Electron's in the desktop app, system tools elsewhere, a fake in tests. */
export interface ClipboardLike {
  readText(): string | Promise<string>;
  writeText(text: string): void | Promise<void>;
}

export type ClipboardCopier = {
  /** Writes the value and schedules clearing it; only a digest of it is kept meanwhile. */
  copy(value: string): Promise<void>;
  /** Clears now if the clipboard still holds what was copied (used on lock). */
  clearIfUnchanged(): Promise<void>;
  dispose(): void;
};

export const CLIPBOARD_CLEAR_MS = 30_000;

export function createClipboardCopier(
  clipboard: ClipboardLike,
  timers: Timers,
  clearAfterMs = CLIPBOARD_CLEAR_MS,
  onError: (error: unknown) => void = () => {},
): ClipboardCopier {
  let pending: { handle: unknown; digest: Buffer } | null = null;

  const cancel = () => {
    if (pending) timers.clearTimeout(pending.handle);
    const digest = pending?.digest ?? null;
    pending = null;
    return digest;
  };

  const clearIfUnchanged = async () => {
    const digest = cancel();
    if (!digest) return;
    const now = await clipboard.readText();
    // The user may have copied something else since: leave that alone.
    if (timingSafeEqual(digestOf(now), digest)) await clipboard.writeText('');
  };

  return {
    async copy(value) {
      cancel();
      await clipboard.writeText(value);
      const handle = timers.setTimeout(() => {
        clearIfUnchanged().catch(onError);
      }, clearAfterMs);
      pending = { handle, digest: digestOf(value) };
    },
    clearIfUnchanged,
    dispose() {
      cancel();
    },
  };
}

function digestOf(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}
