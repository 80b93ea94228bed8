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
  /** Why it cannot be sent (not absolute, missing, a folder, too large, not allowed), in words to show; null when it can. */
  problem: z.string().nullable(),
  /**
   * Whether a body may read it: in a folder the user allowed, not yet allowed,
   * or never (Countersign's data folder, a secret store such as ~/.ssh).
   * Null when that cannot be told yet (no file, a variable in the path).
   */
  access: z.enum(['allowed', 'not-allowed', 'never']).nullable(),
  /** For a file not yet allowed: its real folder (links resolved), the one "Allow this folder…" adds. */
  allowFolder: z.string().nullable(),
});
export type BodyFileFacts = z.output<typeof BodyFileFacts>;

/** The folders (and single files) request bodies may read, as the user allowed them. */
export const BodyFileFolders = z.object({
  folders: z.array(z.string()),
  /** The workspace folder the user opened, allowed while it is open; null when the workspace is the data folder's file. */
  workspaceFolder: z.string().nullable(),
  /** What no body may ever read, whatever is allowed. */
  never: z.array(z.object({ path: z.string(), what: z.string() })),
});
export type BodyFileFolders = z.output<typeof BodyFileFolders>;

const FolderPath = z.strictObject({ path: z.string().min(1).max(4096) });

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
  /** Where request bodies may read files from. Only the user changes it (these channels, the Open dialog, `countersign files`): no import or workspace file can. */
  'files:body-file-folders': { input: z.strictObject({}), output: BodyFileFolders },
  /** Allows a folder, or one file, for request bodies: an explicit click ("Allow this folder…") or `countersign files allow`. */
  'files:allow-body-folder': { input: FolderPath, output: BodyFileFolders },
  'files:forget-body-folder': { input: FolderPath, output: BodyFileFolders },
} as const;
