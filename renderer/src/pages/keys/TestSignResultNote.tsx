import type { TestSignOutput } from '../../../../main/contract/keys.ts';

/** What the sandbox said about a request signed with the key. */
export function TestSignResultNote({ name, result }: { name: string; result: TestSignOutput }) {
  return (
    <p role="status" className={result.accepted ? 'test-sign accepted' : 'test-sign refused'} data-testid="test-sign-result">
      <strong>{result.accepted ? 'Accepted' : 'Refused'}</strong>
      {result.status !== null ? ` (HTTP ${result.status})` : ''}: the sandbox {result.accepted ? 'verified' : 'did not accept'} a sample Elecsnet
      OAuth 1.0a RSA-SHA256 request signed with {name}. {result.message}
    </p>
  );
}
