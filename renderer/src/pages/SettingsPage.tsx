import type { Theme } from '../../../main/contract/settings.ts';
import type { SettingsState } from '../shell/use-settings.ts';
import { THEME_LABEL, THEME_ORDER } from '../shell/theme.ts';
import { BodyFoldersField } from './BodyFoldersField.tsx';
import { DownloadsFolderField } from './DownloadsFolderField.tsx';
import { WorkspaceFolderField } from './WorkspaceFolderField.tsx';

export function SettingsPage({ state }: { state: SettingsState }) {
  const theme = state.settings?.theme;
  return (
    <section className="page" aria-labelledby="settings-title">
      <h2 id="settings-title">Settings</h2>
      <fieldset className="field">
        <legend>Theme</legend>
        {THEME_ORDER.map((option: Theme) => (
          <label key={option} className="radio">
            <input
              type="radio"
              name="theme"
              value={option}
              checked={theme === option}
              disabled={!state.settings}
              onChange={() => void state.update({ theme: option })}
            />
            {THEME_LABEL[option]}
          </label>
        ))}
      </fieldset>
      <DownloadsFolderField />
      <WorkspaceFolderField />
      <BodyFoldersField />
      {state.error && (
        <p role="alert" className="error">
          {state.error}
        </p>
      )}
    </section>
  );
}
