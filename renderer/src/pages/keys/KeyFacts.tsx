import type { KeySummary } from '../../../../main/contract/keys.ts';
import { formatCreated } from './format.ts';
import { PUBLIC_EXPONENT } from './limits.ts';

/** The public facts of a key: what a gateway's account manager may ask to compare. */
export function KeyFacts({ summary }: { summary: KeySummary }) {
  return (
    <dl className="facts" data-testid="key-facts">
      <dt>Fingerprint (SHA-256, hex)</dt>
      <dd>
        <code className="fingerprint" data-testid="fingerprint-hex">
          {summary.fingerprint.sha256Hex}
        </code>
      </dd>
      <dt>Fingerprint (SHA-256, base64)</dt>
      <dd>
        <code data-testid="fingerprint-base64">{summary.fingerprint.sha256Base64}</code>
      </dd>
      <dt>Size</dt>
      <dd>
        {summary.bits} bits, exponent {PUBLIC_EXPONENT}
      </dd>
      <dt>Created</dt>
      <dd>{formatCreated(summary.created)}</dd>
      <dt>Origin</dt>
      <dd>{summary.origin === 'generated' ? 'Generated here' : 'Imported'}</dd>
    </dl>
  );
}
