import { createHmac } from 'node:crypto';
import type { PaynetSignature } from '../contract/auth.ts';
import { unixSeconds } from './defaults.ts';
import { setHeaders } from './request-edit.ts';
import { keyShape, TraceBuilder } from './trace.ts';
import type { SchemeContext, SchemeResult, SigningRequest } from './types.ts';

/**
 * PayNet SSO's X-Signature: hex HMAC-SHA256 of the Unix timestamp (seconds,
 * as a decimal string) keyed with the client secret. It sits next to the
 * OAuth 2.0 bearer token, so it usually follows that scheme in the chain.
 */
export function signPaynet(request: SigningRequest, config: PaynetSignature, ctx: SchemeContext): SchemeResult {
  const timestamp = String(unixSeconds(ctx.clock));
  const digest = createHmac('sha256', config.clientSecret).update(timestamp).digest();
  const signature = digest.toString('hex');
  const headers = [
    { name: 'X-Timestamp', value: timestamp },
    { name: 'X-Signature', value: signature },
  ];
  const trace = new TraceBuilder('PayNet X-Signature')
    .add('String to sign', timestamp, 'X-Timestamp: Unix time in seconds')
    .add('Signing key', keyShape('client secret', config.clientSecret))
    .add('Algorithm', 'HMAC-SHA256')
    .add('Signature (hex)', signature, 'sent as X-Signature')
    .add('Signature (base64)', digest.toString('base64'))
    .add('Headers set', headers.map((h) => `${h.name}: ${h.value}`).join('\n'));
  return {
    request: setHeaders(request, headers),
    trace: trace.build([config.clientSecret]),
    comparable: {
      kind: 'string',
      stringToSign: timestamp,
      parts: [{ label: 'X-Timestamp', text: timestamp }],
      signatureHex: signature,
      signatureBase64: digest.toString('base64'),
    },
  };
}
