import { z } from 'zod';
import { noInput } from './limits.ts';

export const AppMode = z.enum(['electron', 'browser', 'cli']);
export type AppMode = z.infer<typeof AppMode>;

export const AppInfo = z.object({
  name: z.string(),
  version: z.string(),
  mode: AppMode,
  dataDir: z.string(),
  platform: z.string(),
});
export type AppInfo = z.infer<typeof AppInfo>;

export const appChannels = {
  'app:info': { input: noInput, output: AppInfo },
} as const;
