/** The spill folders of spill-files.ts, as the request service uses them. */
export type SpillFolders = {
  folder(): Promise<string>;
  settle(folder: string, savedPath: string | null): Promise<boolean>;
};

/**
 * One send's private spill folder, made only when its body turns out too large to preview: almost
 * no send needs it, and making and removing it cost two file system calls on every send's path.
 * Settled once: a second settle (the send's `finally`) does nothing.
 */
export function sendSpillFolder(spill: SpillFolders) {
  let made: Promise<string> | null = null;
  let settled = false;
  return {
    /** The folder, made on first use. */
    get: (): Promise<string> => (made ??= spill.folder()),
    /** Keeps the folder if `savedPath` is in it, else removes it; true when the body was kept. */
    async settle(savedPath: string | null): Promise<boolean> {
      if (made === null || settled) return false;
      settled = true;
      const folder = await made.catch(() => null);
      return folder === null ? false : spill.settle(folder, savedPath);
    },
  };
}
