import { z } from 'zod';

const SavedPath = z.strictObject({ path: z.string().min(1).max(4096) });

/** A plain file name: no folder parts, so browser mode can only save into the downloads folder. */
const FileName = z
  .string()
  .min(1)
  .max(255)
  .refine((name) => !/[/\\\p{Cc}]/u.test(name) && name !== '.' && name !== '..', 'Give a file name only, without a folder (no / or \\).');

export const SaveAsInput = z.strictObject({
  /** A spilled response body (SendResult.spilled). */
  path: z.string().min(1).max(4096),
  /** Browser mode: the name to save under in the downloads folder. Without it, the desktop app asks with its Save dialog. */
  name: FileName.optional(),
  /** Replace a file of that name (the user confirmed). */
  overwrite: z.literal(true).optional(),
});
export type SaveAsInput = z.input<typeof SaveAsInput>;

/** Where it went; null when the user cancelled the dialog (the spill file is kept). */
export const SaveAsResult = z.object({ path: z.string().nullable() });
export type SaveAsResult = z.output<typeof SaveAsResult>;

/** A file a request body sends (multipart file part, binary body), as the editor checks it: never its content. */
export const BodyFileFacts = z.object({
  path: z.string(),
  /** Its last path segment: the filename a multipart part sends by default. */
  name: z.string(),
  /** Bytes; null when it cannot be read. */
  size: z.number().int().nonnegative().nullable(),
  /** Why it cannot be sent (not absolute, missing, a folder, too large), in words to show; null when it can. */
  problem: z.string().nullable(),
});
export type BodyFileFacts = z.output<typeof BodyFileFacts>;

/** Files Countersign saved (downloads, exports): open them or show them in their folder. Only such files. */
export const filesChannels = {
  'files:open': { input: SavedPath, output: z.object({ done: z.literal(true) }) },
  'files:reveal': { input: SavedPath, output: z.object({ done: z.literal(true) }) },
  /** Moves a spilled response body to a file the user chose. */
  'files:save-as': { input: SaveAsInput, output: SaveAsResult },
  /** Lets a spilled body go (its tab closed, the request was sent again). Anything else is ignored. */
  'files:discard': { input: SavedPath, output: z.object({ done: z.literal(true) }) },
  /** The desktop app's Open dialog for a body file; null when cancelled. Browser mode has none (the path is typed): an error says so. */
  'files:choose-body-file': { input: z.strictObject({}), output: z.object({ path: z.string().nullable() }) },
  /** Checks a typed or chosen body file: absolute, a readable file, within the body size limit. */
  'files:body-file-facts': { input: z.strictObject({ path: z.string().max(4096) }), output: BodyFileFacts },
} as const;
