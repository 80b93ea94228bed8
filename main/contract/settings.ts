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

export const settingsChannels = {
  'settings:get': { input: noInput, output: Settings },
  'settings:set': { input: SettingsPatch, output: Settings },
} as const;

export const settingsEvents = {
  'settings:changed': Settings,
} as const;
