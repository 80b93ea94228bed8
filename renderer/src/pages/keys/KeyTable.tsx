import type { KeyListEntry } from '../../../../main/contract/keys.ts';
import { KeyRow } from './KeyRow.tsx';

/** Step 7: the stored keys of one environment. */
export function KeyTable(props: {
  environment: string;
  keys: KeyListEntry[];
  vaultUnlocked: boolean;
  selected: string | null;
  onSelect: (entry: KeyListEntry) => void;
  onChanged: () => void;
}) {
  if (props.keys.length === 0) {
    return (
      <p className="empty" data-testid="keys-empty">
        No keys in {props.environment} yet. Generate a key pair below, or import the private key you already have.
      </p>
    );
  }
  return (
    <table className="table keys-table" aria-label={`Keys in ${props.environment}`}>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Fingerprint (SHA-256)</th>
          <th scope="col">Bits</th>
          <th scope="col">Created</th>
          <th scope="col">Used by</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      {props.keys.map((entry) => (
        <KeyRow
          key={entry.name}
          entry={entry}
          vaultUnlocked={props.vaultUnlocked}
          selected={props.selected === entry.name}
          onSelect={() => props.onSelect(entry)}
          onChanged={props.onChanged}
        />
      ))}
    </table>
  );
}
