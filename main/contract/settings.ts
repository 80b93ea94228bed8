import { z } from 'zod';
import { noInput } from './limits.ts';

export const Theme = z.enum(['light', 'dark', 'system']);
export type Theme = z.infer<typeof Theme>;

export const Settings = z.object({
  theme: Theme,
});
export type Settings = z.infer<typeof Settings>;

export const DEFAULT_SETTINGS: Settings = { theme: 'system' };

/** A partial update: only the keys given change. */
export const SettingsPatch = z.strictObject({
  theme: Theme.optional(),
});
export type SettingsPatch = z.infer<typeof SettingsPatch>;

/** Where saved bodies, flow downloads and key exports go. Kept apart from Settings so its events stay small. */
export const DownloadsFolder = z.object({
  /** The folder in use (created when something is saved into it). */
  dir: z.string(),
  /** The OS downloads folder is in use (the user chose none). */
  isDefault: z.boolean(),
  /** What "Use the default" gives. */
  defaultDir: z.string(),
});
export type DownloadsFolder = z.infer<typeof DownloadsFolder>;

// A POSIX root, a drive letter or a UNC share: the service checks again with the platform's own rule.
const looksAbsolute = (dir: string): boolean => /^(\/|[A-Za-z]:[\\/]|\\\\)/.test(dir.trim());
/** An absolute folder path, or null for the OS downloads folder. */
export const DownloadsFolderInput = z.strictObject({
  dir: z.string().min(1).max(4096).refine(looksAbsolute, 'the downloads folder must be a full path (such as /home/you/Reports)').nullable(),
});
export type DownloadsFolderInput = z.infer<typeof DownloadsFolderInput>;

/** Pane sizes in pixels by pane id ("workbench.sidebar"): the renderer's layout, remembered per user. */
const PaneId = z.string().min(1).max(128).regex(/^[\w.-]+$/, 'a pane id is letters, digits, dots, dashes or underscores');
export const MAX_REMEMBERED_PANES = 64;
export const UiLayout = z.object({ paneSizes: z.record(z.string(), z.number()) });
export type UiLayout = z.infer<typeof UiLayout>;
export const UiLayoutInput = z.strictObject({
  paneSizes: z
    .record(PaneId, z.number().int().min(0).max(10_000))
    .refine((sizes) => Object.keys(sizes).length <= MAX_REMEMBERED_PANES, `at most ${String(MAX_REMEMBERED_PANES)} pane sizes are remembered`),
});

export const settingsChannels = {
  'settings:get': { input: noInput, output: Settings },
  'settings:set': { input: SettingsPatch, output: Settings },
  'settings:downloads': { input: noInput, output: DownloadsFolder },
  /** Creates the folder if missing; refuses a relative path or one that is not a folder. */
  'settings:set-downloads': { input: DownloadsFolderInput, output: DownloadsFolder },
  /** The renderer's remembered layout (pane sizes); replaced whole by set-layout. */
  'settings:layout': { input: noInput, output: UiLayout },
  'settings:set-layout': { input: UiLayoutInput, output: UiLayout },
} as const;

export const settingsEvents = {
  'settings:changed': Settings,
  'settings:downloads-changed': DownloadsFolder,
} as const;
