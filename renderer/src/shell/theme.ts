import { useEffect, useState } from 'react';
import type { Theme } from '../../../main/contract/settings.ts';

const darkQuery = () => window.matchMedia('(prefers-color-scheme: dark)');

/** The theme actually shown: "system" follows the OS and changes with it. */
export function useAppliedTheme(theme: Theme | undefined): 'light' | 'dark' {
  const [systemDark, setSystemDark] = useState(() => darkQuery().matches);
  useEffect(() => {
    const query = darkQuery();
    const onChange = () => setSystemDark(query.matches);
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }, []);
  const applied = theme === 'light' || theme === 'dark' ? theme : systemDark ? 'dark' : 'light';
  useEffect(() => {
    document.documentElement.dataset.theme = applied;
  }, [applied]);
  return applied;
}

export const THEME_ORDER: readonly Theme[] = ['light', 'dark', 'system'];
export const THEME_LABEL: Readonly<Record<Theme, string>> = { light: 'Light', dark: 'Dark', system: 'System' };

export function nextTheme(theme: Theme): Theme {
  return THEME_ORDER[(THEME_ORDER.indexOf(theme) + 1) % THEME_ORDER.length] ?? 'system';
}
