import { useState } from 'react';
import { useApi } from '../../api/context.tsx';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { useAction } from '../../components/use-action.ts';
import { MIN_PASSPHRASE } from './limits.ts';
import { PassphraseFields, passphraseReady } from './PassphraseFields.tsx';

/** Encrypted backups to move the vault to another machine. The file is ciphertext, so the renderer may save it. */
export function BackupPanel() {
  const api = useApi();
  const { busy, error, run } = useAction();
  const [exportPass, setExportPass] = useState('');
  const [exportAgain, setExportAgain] = useState('');
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
            const backup = await api.invoke['vault:export-backup']({ passphrase: exportPass });
            saveText(backup.fileName, backup.content);
            setExportPass('');
            setExportAgain('');
            setResult(`Exported ${backup.secretCount} secrets to ${backup.fileName}.`);
          });
        }}
      >
        <h4>Export</h4>
        <PassphraseFields
          value={exportPass}
          confirm={exportAgain}
          minLength={MIN_PASSPHRASE}
          label="Backup passphrase"
          onChange={(value, again) => {
            setExportPass(value);
            setExportAgain(again);
          }}
        />
        <button type="submit" disabled={busy || !passphraseReady(exportPass, exportAgain, MIN_PASSPHRASE)}>
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
            setResult(`Imported: ${outcome.added} added, ${outcome.replaced} replaced, ${outcome.skipped} kept as they were.`);
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
        <label htmlFor="backup-passphrase">Backup passphrase</label>
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

function saveText(fileName: string, content: string): void {
  const url = URL.createObjectURL(new Blob([content], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
