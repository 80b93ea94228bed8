import type { SchemeTrace } from '../contract/auth.ts';

// This module imports nothing else from signing/: the types shared by the schemes live here, so no type-only import cycle forms.

/** Headers stay an ordered list: gateways and traces care about order and repeats. */
export type HeaderPair = { readonly name: string; readonly value: string };
export type FormPair = { readonly name: string; readonly value: string };

export type RequestBody =
  | { readonly kind: 'none' }
  | { readonly kind: 'json'; readonly text: string }
  | { readonly kind: 'form'; readonly pairs: readonly FormPair[] }
  | { readonly kind: 'raw'; readonly text: string }
  // Files by path: main/requests reads them after signing; no scheme signs multipart or file bytes today.
  | { readonly kind: 'multipart'; readonly parts: readonly MultipartPart[] }
  | { readonly kind: 'binary'; readonly path: string };

export type MultipartPart =
  | { readonly kind: 'text'; readonly name: string; readonly value: string }
  | { readonly kind: 'file'; readonly name: string; readonly path: string; readonly contentType?: string | undefined; readonly fileName?: string | undefined };

export type SigningRequest = {
  readonly method: string;
  readonly url: string;
  readonly headers: readonly HeaderPair[];
  readonly body: RequestBody;
};

/** Where a parameter came from, so the trace and compare mode can say it. */
export type ParamSource = 'query' | 'body' | 'oauth';
export type SourcedParam = FormPair & { readonly source: ParamSource };

/** An OAuth 1.0a base string and how it was assembled (oauth1-base-string.ts builds it). */
export type BaseStringParts = {
  readonly method: string;
  readonly baseUri: string;
  readonly params: readonly SourcedParam[];
  readonly normalizedParams: string;
  readonly baseString: string;
};

/** A signature computed with one common implementation mistake, for compare mode. */
export type SignatureVariant = { readonly description: string; readonly signature: string };

/** Milliseconds since the Unix epoch; injected so tests use fixed times. */
export type Clock = { readonly now: () => number };

/** Every random value a scheme needs; injected so tests use fixed nonces. */
export type NonceSource = {
  readonly nonce: () => string;
  readonly uuid: () => string;
  readonly randomInt: () => number;
};

export type SchemeContext = { readonly clock: Clock; readonly nonces: NonceSource };

/** A string to sign, how it was assembled and what it signs to. */
export type SignedString = {
  readonly stringToSign: string;
  readonly signatureHex: string;
  readonly signatureBase64: string;
};

/** A string-to-sign scheme's artifacts, kept for compare mode. */
export type ComparableString = SignedString & {
  readonly kind: 'string';
  readonly parts: readonly { readonly label: string; readonly text: string }[];
  /** The same signature under other plausible readings of the gateway's docs, worked out on demand. */
  readonly variants?: (() => readonly (SignedString & { readonly description: string })[]) | undefined;
};

/** OAuth 1.0a's artifacts, kept for compare mode. */
export type ComparableOAuth1 = {
  readonly kind: 'oauth1';
  readonly base: BaseStringParts;
  readonly signature: string;
  /** Signatures under common deviations, worked out only when a pasted signature does not match. */
  readonly variants?: (() => readonly SignatureVariant[]) | undefined;
};

/** What every scheme returns: the request with its auth applied, and how it got there. */
export type SchemeResult = {
  readonly request: SigningRequest;
  readonly trace: SchemeTrace;
  readonly comparable?: ComparableString | ComparableOAuth1 | undefined;
};

/** The vault's side of `{{secret:name}}`: rejects when the secret does not exist. */
export type SecretSource = { readonly get: (environment: string, name: string) => Promise<string> };
