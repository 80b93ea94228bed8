import type { OAuth1 } from '../contract/auth.ts';
import type { FormPair, SignatureVariant, SigningRequest } from './types.ts';
import { oauth1SignatureVariants } from './variants/oauth1.ts';

/**
 * When a user pastes only the gateway's signature, we can still say what the
 * other side probably did: the variants of variants/oauth1.ts (encodings,
 * which parameters, key shapes, the other digest), in compare mode's shape.
 */
export function oauth1Variants(request: SigningRequest, config: OAuth1, oauth: readonly FormPair[]): SignatureVariant[] {
  // PLAINTEXT's signature is the key itself: no reading of the base string changes it.
  if (config.signatureMethod === 'PLAINTEXT') return [];
  return oauth1SignatureVariants({ request, config, oauth, keyLabel: 'the key' })
    .filter((variant) => variant.id !== 'as-sent')
    .map((variant) => ({ description: variant.description, signature: variant.signatureBase64 }));
}
