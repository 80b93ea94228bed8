import type { KeySummary } from '../../../../main/contract/keys.ts';
import { KeyFacts } from './KeyFacts.tsx';
import { PrivateKeyExport } from './PrivateKeyExport.tsx';
import { PublicKeyExport } from './PublicKeyExport.tsx';

/** Steps 4–6 for one key: its facts, the public key to hand over, and private exports. */
export function KeyDetails(props: { summary: KeySummary; vaultUnlocked: boolean; onClose: () => void }) {
  const { summary } = props;
  return (
    <section className="card" aria-labelledby="key-details-title" data-testid="key-details">
      <header className="page-header">
        <h3 id="key-details-title">
          {summary.name} <span className="hint">in {summary.environment}</span>
        </h3>
        <button type="button" onClick={props.onClose} aria-label={`Close details of ${summary.name}`}>
          Close
        </button>
      </header>
      <KeyFacts summary={summary} />
      <p className="hint">The private key is kept in the vault and is not shown. Export it only when a gateway form needs the file.</p>
      <PublicKeyExport key={`${summary.environment}/${summary.name}/${summary.fingerprint.sha256Hex}`} environment={summary.environment} name={summary.name} />
      <PrivateKeyExport key={`${summary.environment}/${summary.name}`} environment={summary.environment} name={summary.name} vaultUnlocked={props.vaultUnlocked} />
    </section>
  );
}
