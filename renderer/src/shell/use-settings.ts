import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { Settings, SettingsPatch } from '../../../main/contract/settings.ts';
import { errorMessage } from '../api/errors.ts';
import { channelKey } from '../state/channel-key.ts';
import { useChannel, useChannelMutation, useEvent } from '../state/use-channel.ts';

export type SettingsState = {
  settings: Settings | null;
  error: string | null;
  update(patch: SettingsPatch): Promise<void>;
};

/** Settings from main, kept current by its `settings:changed` event (another window may change them). */
export function useSettings(): SettingsState {
  const queries = useQueryClient();
  const settings = useChannel('settings:get', {});
  // The event carries the settings as main saved them, in the order it saved them: taken as they are, so a refetch
  // started by an earlier change never lands over a choice made since (clicking the theme toggle twice quickly).
  useEvent('settings:changed', (value) => {
    void queries.cancelQueries({ queryKey: channelKey('settings:get', {}) });
    queries.setQueryData(channelKey('settings:get', {}), value);
  });
  const saving = useChannelMutation('settings:set');
  const { mutateAsync } = saving;

  const update = useCallback(
    async (patch: SettingsPatch) => {
      const key = channelKey('settings:get', {});
      const before = queries.getQueryData<Settings>(key);
      // Show the choice at once; main's answer (or the old value, on failure) settles it.
      if (before) queries.setQueryData<Settings>(key, { ...before, ...(patch.theme ? { theme: patch.theme } : {}) });
      try {
        queries.setQueryData<Settings>(key, await mutateAsync(patch));
      } catch {
        if (before) queries.setQueryData<Settings>(key, before);
      }
    },
    [queries, mutateAsync],
  );

  const failure = saving.error ?? settings.error;
  return { settings: settings.data ?? null, error: failure ? errorMessage(failure) : null, update };
}
