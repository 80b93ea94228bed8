import type { SecretSourceFact } from '../../../../../main/contract/secret-providers.ts';

const PROVIDER_LABEL: Record<SecretSourceFact['provider'], string> = {
  vault: 'the vault',
  env: 'environment variable',
  pass: 'pass entry',
};

/** Which provider served each secret a send or a signature read: by name and place, never a value. */
export function SecretSources({ sources }: { sources: readonly SecretSourceFact[] | undefined }) {
  if (!sources || sources.length === 0) return null;
  return (
    <div className="wb-secret-sources" data-testid="secret-sources">
      <h4>Secrets used</h4>
      <ul>
        {sources.map((source) => (
          <li key={`${source.name}:${source.provider}`}>
            <code>{source.name}</code> from {PROVIDER_LABEL[source.provider]}
            {source.location !== null && (
              <>
                {' '}
                <code>{source.location}</code>
              </>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
