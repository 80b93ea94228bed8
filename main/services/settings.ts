import { DEFAULT_SETTINGS, Settings, type SettingsPatch } from '../contract/settings.ts';
import type { EventBus } from '../core/event-bus.ts';
import type { StoreFactory } from '../platform/store.ts';

export type SettingsService = {
  get(): Settings;
  update(patch: SettingsPatch): Settings;
};

export function createSettingsService(stores: StoreFactory, bus: EventBus): SettingsService {
  const store = stores<Settings>('settings', DEFAULT_SETTINGS);

  // A hand-edited file may hold anything: read field by field, falling back to defaults.
  const read = (): Settings => {
    const stored = store.store as Record<string, unknown>;
    const theme = Settings.shape.theme.safeParse(stored.theme);
    return { theme: theme.success ? theme.data : DEFAULT_SETTINGS.theme };
  };

  return {
    get: read,
    update(patch) {
      const next: Settings = { theme: patch.theme ?? read().theme };
      store.set('theme', next.theme);
      bus.emit('settings:changed', next);
      return next;
    },
  };
}
