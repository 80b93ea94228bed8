import { useCallback, useEffect, useState } from 'react';
import type { Settings, SettingsPatch } from '../../../main/contract/settings.ts';
import { useApi } from '../api/context.tsx';
import { errorMessage } from '../api/errors.ts';

export type SettingsState = {
  settings: Settings | null;
  error: string | null;
  update(patch: SettingsPatch): Promise<void>;
};

/** Settings from main, kept current by its `settings:changed` event (another window may change them). */
export function useSettings(): SettingsState {
  const api = useApi();
  const [settings, setSettings] = useState<Settings | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    api.invoke['settings:get']({}).then(
      (value) => live && setSettings(value),
      (reason: unknown) => live && setError(errorMessage(reason)),
    );
    const off = api.on('settings:changed', (value) => setSettings(value));
    return () => {
      live = false;
      off();
    };
  }, [api]);

  const update = useCallback(
    async (patch: SettingsPatch) => {
      const before = settings;
      // Show the choice at once; main's answer (or the old value, on failure) settles it.
      if (before) setSettings({ ...before, ...(patch.theme ? { theme: patch.theme } : {}) });
      try {
        setSettings(await api.invoke['settings:set'](patch));
        setError(null);
      } catch (reason) {
        setSettings(before);
        setError(errorMessage(reason));
      }
    },
    [api, settings],
  );

  return { settings, error, update };
}
