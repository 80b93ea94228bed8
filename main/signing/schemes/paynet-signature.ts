import { createHmac } from 'node:crypto';
import { PaynetSignature } from '../../contract/auth.ts';
import { unixSeconds } from '../defaults.ts';
import { setHeaders } from '../request-edit.ts';
import { keyShape, redactTrace, TraceBuilder } from '../trace.ts';
import type { SchemeContext, SchemeResult, SigningRequest } from '../types.ts';
import type { SchemeModule, StepUse } from './define.ts';

/**
 * PayNet SSO's X-Signature: hex HMAC-SHA256 of the Unix timestamp (seconds,
 * as a decimal string) keyed with the client secret. It sits next to the
 * OAuth 2.0 bearer token, so it usually follows that scheme in the chain.
 * The trace is unredacted (see SchemeModule); signPaynet redacts it.
 */
function applyPaynet(request: SigningRequest, config: PaynetSignature, ctx: SchemeContext): SchemeResult {
  const timestamp = String(unixSeconds(ctx.clock));
  // digest('hex') and a pooled Buffer.from for the base64: a digest() Buffer costs more than the HMAC itself here.
  const signature = createHmac('sha256', config.clientSecret).update(timestamp).digest('hex');
  const base64 = Buffer.from(signature, 'hex').toString('base64');
  const trace = new TraceBuilder('PayNet X-Signature')
    .add('String to sign', timestamp, 'X-Timestamp: Unix time in seconds')
    .add('Signing key', keyShape('client secret', config.clientSecret))
    .add('Algorithm', 'HMAC-SHA256')
    .add('Signature (hex)', signature, 'sent as X-Signature')
    .add('Signature (base64)', base64)
    .add('Headers set', `X-Timestamp: ${timestamp}\nX-Signature: ${signature}`);
  return {
    request: setHeaders(request, [
      { name: 'X-Timestamp', value: timestamp },
      { name: 'X-Signature', value: signature },
    ]),
    trace: trace.unredacted(),
    comparable: {
      kind: 'string',
      stringToSign: timestamp,
      parts: [{ label: 'X-Timestamp', text: timestamp }],
      signatureHex: signature,
      signatureBase64: base64,
    },
  };
}

/** PayNet's signature on its own (debugger, sandbox), trace redacted. */
export function signPaynet(request: SigningRequest, config: PaynetSignature, ctx: SchemeContext): SchemeResult {
  const result = applyPaynet(request, config, ctx);
  return { ...result, trace: redactTrace(result.trace, [config.clientSecret]) };
}

/** The same for every step: built once, not per send. */
const PAYNET_USE: StepUse = { label: 'PayNet X-Signature', fields: { clientSecret: 'compute X-Signature' } };

export const paynetSignature: SchemeModule<'paynet-signature'> = {
  type: 'paynet-signature',
  schema: PaynetSignature,
  label: 'PayNet signature headers',
  help: 'X-Timestamp and X-Signature (HMAC-SHA256 of the timestamp); usually after an OAuth 2.0 step.',
  initial: { type: 'paynet-signature', clientSecret: '' },
  fields: { clientSecret: { label: 'Client secret', secret: 'text' } },
  use: () => PAYNET_USE,
  secrets: (step) => [step.clientSecret],
  apply: applyPaynet,
};
