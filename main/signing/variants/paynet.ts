import { createHmac } from 'node:crypto';
import { fromBytes, type AlternativeKey, type ComputedVariant, type VariantCause } from './types.ts';

export type PaynetVariantInput = {
  /** X-Timestamp as sent (Unix seconds). */
  readonly timestamp: string;
  /** The clock reading it came from, in ms, when known. */
  readonly timestampMs?: number | undefined;
  /** Resolved, in main only. */
  readonly clientSecret: string;
  readonly clientId?: string | undefined;
  readonly keyLabel: string;
  readonly alternatives?: readonly AlternativeKey[];
};

/** PayNet's X-Signature under the readings people get wrong: the timestamp's unit and form, and which value is the key. */
export function paynetSignatureVariants(input: PaynetVariantInput): ComputedVariant[] {
  const out: ComputedVariant[] = [];
  const push = (id: string, cause: VariantCause, description: string, text: string, key: string, keyShape: string) => {
    out.push({ id, cause, description, stringToSign: text, ...fromBytes(createHmac('sha256', key).update(text).digest()), key: keyShape });
  };
  const { timestamp, clientSecret, keyLabel } = input;
  push('as-sent', 'as-sent', 'HMAC-SHA256 of X-Timestamp in seconds, keyed with the client secret (the PayNet guide)', timestamp, clientSecret, keyLabel);
  push('paynet.timestamp-ms', 'wrong_input', 'the timestamp is in milliseconds (seconds × 1000)', `${timestamp}000`, clientSecret, keyLabel);
  if (input.timestampMs !== undefined && String(input.timestampMs) !== `${timestamp}000`) {
    push('paynet.timestamp-ms-exact', 'wrong_input', 'the timestamp is the exact clock reading in milliseconds', String(input.timestampMs), clientSecret, keyLabel);
  }
  const seconds = Number(timestamp);
  if (Number.isFinite(seconds)) {
    push('paynet.timestamp-iso', 'wrong_input', 'the timestamp is an ISO 8601 date instead of Unix seconds', new Date(seconds * 1000).toISOString(), clientSecret, keyLabel);
  }
  if (input.clientId !== undefined && input.clientId !== '') {
    push('paynet.client-id-key', 'wrong_input', 'the key is the client id instead of the client secret', timestamp, input.clientId, `the client id (${input.clientId.length} chars)`);
    push('paynet.client-id-message', 'wrong_input', 'the client id is signed with the timestamp (client id + timestamp)', `${input.clientId}${timestamp}`, clientSecret, keyLabel);
  }
  for (const [index, alternative] of (input.alternatives ?? []).entries()) {
    push(`key.alternative-${index + 1}`, 'key_differs', `the key is ${alternative.label}`, timestamp, alternative.value, alternative.label);
  }
  return out;
}
