/** Why a variant differs from the request as sent: the diagnosis names this cause when the variant matches. */
export type VariantCause =
  | 'as-sent'
  | 'key_differs'
  | 'encoding'
  | 'parameters'
  | 'field_order'
  | 'optional_null'
  | 'wrong_input'
  | 'request_differs';

/** One signature under one reading of the scheme. The key appears by shape only. */
export type ComputedVariant = {
  readonly id: string;
  readonly description: string;
  readonly cause: VariantCause;
  readonly stringToSign: string;
  readonly signatureHex: string;
  readonly signatureBase64: string;
  /** e.g. "elecsnet.control_key (Sandbox, 36 chars, sha256:…) + '&'". */
  readonly key: string;
};

/** Another value to try as the key: a secret of the same name from another environment, by reference. */
export type AlternativeKey = {
  readonly label: string;
  readonly value: string;
};

export function fromBytes(bytes: Buffer): { signatureHex: string; signatureBase64: string } {
  return { signatureHex: bytes.toString('hex'), signatureBase64: bytes.toString('base64') };
}
