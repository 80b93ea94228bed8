import { useState } from 'react';
import { useApi } from '../../api/context.tsx';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { useAction } from '../../components/use-action.ts';

/**
 * Encrypted backups to move the vault to another machine. Exporting needs the
 * vault's own passphrase (checked in main) and main writes the file: this
 * screen only learns where it went.
 */
export function BackupPanel() {
  const api = useApi();
  const { busy, error, run } = useAction();
  const [exportPass, setExportPass] = useState('');
  const [exportDir, setExportDir] = useState('');
  const [importText, setImportText] = useState<string | null>(null);
  const [importName, setImportName] = useState('');
  const [importPass, setImportPass] = useState('');
  const [result, setResult] = useState<string | null>(null);

  return (
    <section className="card" aria-labelledby="vault-backup-title">
      <h3 id="vault-backup-title">Backup</h3>
      <form
        className="form"
        aria-label="Export an encrypted backup"
        onSubmit={(event) => {
          event.preventDefault();
          void run(async () => {
            const directory = exportDir.trim();
            const backup = await api.invoke['vault:export-backup']({ passphrase: exportPass, ...(directory ? { directory } : {}) });
            setExportPass('');
            setResult(`Saved ${backup.secretCount} secrets to ${backup.path}. It opens with this vault's passphrase.`);
          });
        }}
      >
        <h4>Export</h4>
        <label htmlFor="backup-vault-passphrase">Vault passphrase</label>
        <input id="backup-vault-passphrase" type="password" autoComplete="current-password" value={exportPass} onChange={(event) => setExportPass(event.target.value)} />
        <label htmlFor="backup-folder">Folder (absolute path; empty for Downloads)</label>
        <input id="backup-folder" type="text" spellCheck={false} value={exportDir} onChange={(event) => setExportDir(event.target.value)} />
        <button type="submit" disabled={busy || exportPass === ''}>
          Export backup
        </button>
      </form>
      <form
        className="form"
        aria-label="Import an encrypted backup"
        onSubmit={(event) => {
          event.preventDefault();
          const content = importText;
          if (content === null) return;
          void run(async () => {
            const outcome = await api.invoke['vault:import-backup']({ content, passphrase: importPass, onConflict: 'skip' });
            setImportPass('');
            setResult(`Imported: ${outcome.added} added, ${outcome.replaced} replaced, ${outcome.skipped} kept as they were.${outcome.notice === undefined ? '' : ` ${outcome.notice}`}`);
          });
        }}
      >
        <h4>Import</h4>
        <label htmlFor="backup-file">Backup file</label>
        <input
          id="backup-file"
          type="file"
          accept=".json,.countersign-vault,application/json"
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (!file) return;
            setImportName(file.name);
            void file.text().then(setImportText);
          }}
        />
        <label htmlFor="backup-passphrase">Passphrase of the vault it came from</label>
        <input id="backup-passphrase" type="password" value={importPass} onChange={(event) => setImportPass(event.target.value)} />
        <button type="submit" disabled={busy || importText === null || importPass === ''}>
          Import {importName}
        </button>
      </form>
      {result && <p role="status" className="hint">{result}</p>}
      <ErrorNote error={error} />
    </section>
  );
}
