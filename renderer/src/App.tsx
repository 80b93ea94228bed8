import { useState } from 'react';
import { HomePage } from './pages/HomePage.tsx';
import { SettingsPage } from './pages/SettingsPage.tsx';
import { FlowsPage } from './pages/flows/FlowsPage.tsx';
import { KeysPage } from './pages/keys/KeysPage.tsx';
import { VaultPage } from './pages/vault/VaultPage.tsx';
import { WorkbenchPage } from './pages/workbench/WorkbenchPage.tsx';
import { Navigation, type PageId } from './shell/Navigation.tsx';
import { ThemeToggle } from './shell/ThemeToggle.tsx';
import { useAppliedTheme } from './shell/theme.ts';
import { useSettings } from './shell/use-settings.ts';

export function App() {
  const [page, setPage] = useState<PageId>('home');
  const settings = useSettings();
  const applied = useAppliedTheme(settings.settings?.theme);

  return (
    <div className="app" data-applied-theme={applied}>
      <header className="app-header">
        <h1 className="app-title">Countersign</h1>
        <ThemeToggle theme={settings.settings?.theme} onChange={(theme) => void settings.update({ theme })} />
      </header>
      <div className="app-body">
        <Navigation current={page} onSelect={setPage} />
        <main className="app-main">
          {page === 'home' && <HomePage />}
          {page === 'workbench' && <WorkbenchPage />}
          {page === 'flows' && <FlowsPage />}
          {page === 'vault' && <VaultPage />}
          {page === 'keys' && <KeysPage onOpenVault={() => setPage('vault')} />}
          {page === 'settings' && <SettingsPage state={settings} />}
        </main>
      </div>
    </div>
  );
}
