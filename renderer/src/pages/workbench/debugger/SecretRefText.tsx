import type { SecretRef } from '../../../../../main/contract/exchanges.ts';

/** A key as the debugger may show it: its vault name and environment, its length and fingerprint, never its value. */
export function SecretRefText({ secret }: { secret: SecretRef }) {
  return (
    <span className="dbg-secret" data-testid="secret-ref">
      <code>{secret.name}</code> ({secret.environment}) · {secret.length} characters · <code>{secret.fingerprint}</code>
    </span>
  );
}
