import type { Theme } from '../../../main/contract/settings.ts';
import { nextTheme, THEME_LABEL } from './theme.ts';

export function ThemeToggle({ theme, onChange }: { theme: Theme | undefined; onChange: (theme: Theme) => void }) {
  const current = theme ?? 'system';
  const next = nextTheme(current);
  return (
    <button
      type="button"
      className="theme-toggle"
      data-testid="theme-toggle"
      aria-label={`Theme: ${THEME_LABEL[current]}. Switch to ${THEME_LABEL[next]}.`}
      title={`Theme: ${THEME_LABEL[current]} (click for ${THEME_LABEL[next]})`}
      onClick={() => onChange(next)}
    >
      <span aria-hidden="true">{current === 'light' ? '☀' : current === 'dark' ? '☾' : '◐'}</span> {THEME_LABEL[current]}
    </button>
  );
}
