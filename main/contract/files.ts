import { z } from 'zod';

const SavedPath = z.strictObject({ path: z.string().min(1).max(4096) });

/** Files Countersign saved (downloads, exports): open them or show them in their folder. Only such files. */
export const filesChannels = {
  'files:open': { input: SavedPath, output: z.object({ done: z.literal(true) }) },
  'files:reveal': { input: SavedPath, output: z.object({ done: z.literal(true) }) },
} as const;
