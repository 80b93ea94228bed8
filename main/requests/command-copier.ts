import { ServiceError } from '../contract/errors.ts';
import { CLIPBOARD_CLEAR_MS, createClipboardCopier, type ClipboardCopier } from '../vault/clipboard/clipboard.ts';
import type { ClipboardLike } from '../vault/index.ts';
import { nodeTimers } from '../vault/index.ts';

/**
 * Main's own clipboard for a command that holds secrets ("Copy as curl" with
 * secrets): cleared after 30 s if unchanged, like a copied vault value. Null
 * when the door has no clipboard at all.
 */
export function createCommandCopier(clipboard: ClipboardLike | undefined, onError: (error: unknown) => void): ClipboardCopier | null {
  if (!clipboard) return null;
  const copier = createClipboardCopier(clipboard, nodeTimers, CLIPBOARD_CLEAR_MS, onError);
  return {
    async copy(text) {
      try {
        await copier.copy(text);
      } catch (error) {
        // The clipboard tool's own message (e.g. none installed) says what to do; it never holds the text.
        throw new ServiceError('failed', `The command could not be copied: ${error instanceof Error ? error.message : 'the clipboard refused it'}`);
      }
    },
    clearIfUnchanged: () => copier.clearIfUnchanged(),
    dispose: () => copier.dispose(),
  };
}
