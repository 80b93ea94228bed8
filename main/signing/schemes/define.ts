import type { z } from 'zod';
import type { AuthStep, AuthType } from '../../contract/auth.ts';
import type { AuthFieldSecret } from '../../contract/auth-schemes.ts';
import type { TokenCache, TokenKey } from '../token-cache.ts';
import type { TokenFetcher } from '../token-endpoint.ts';
import type { SchemeContext, SchemeResult, SigningRequest } from '../types.ts';

/** One auth step of the given scheme, as the contract parses it. */
export type StepOf<T extends AuthType> = Extract<AuthStep, { type: T }>;

/** What one auth step reads: its label for messages, and each field it uses with why ("needs X to ..."). */
export type StepUse = { readonly label: string; readonly fields: Readonly<Record<string, string>> };

/**
 * How the auth editor shows one field. The field's kind, options, default
 * and whether it may be absent come from the contract schema, so only what
 * a schema cannot say is written here.
 */
export type FieldPresentation = {
  readonly label: string;
  /** A secret field holds a `{{secret:name}}` reference; the kind is what vault entry fits it. */
  readonly secret?: AuthFieldSecret;
  readonly help?: string;
  /** An optional text field whose empty value means something (OAuth 1.0a's `realm=""`), so clearing it keeps ''. */
  readonly keepEmpty?: boolean;
};

/** The editor's fields of a scheme, in display order; keys are checked against the contract schema. */
export type FieldsOf<T extends AuthType> = { readonly [K in Exclude<keyof StepOf<T>, 'type'>]?: FieldPresentation };

/** What a step may use besides the request: clock and nonces, the send's token cache and fetcher. */
export type ApplyContext = SchemeContext & {
  readonly environment: string;
  /** The send's cache; the diagnosis' replay passes a stand-in that never fetches. */
  readonly tokens: Pick<TokenCache, 'get'> & Partial<Pick<TokenCache, 'cached'>>;
  readonly fetchToken: TokenFetcher;
  /** Every secret value known to the send so far, to redact a token endpoint's error with. */
  readonly knownSecrets: () => readonly string[];
  /** Records a token the request now carries, so a 401 can drop exactly that one. */
  readonly carriesToken: (key: TokenKey, accessToken: string) => void;
};

/**
 * Everything about one auth scheme: the contract schema it is stored and
 * sent as, how the editor shows it, which fields a step reads, which of its
 * values are secrets, and how it signs. Registered once in schemes/index.ts.
 *
 * `apply` returns the trace unredacted: the send redacts every trace once
 * with everything it touched (signRequest), and the pure `sign…` functions
 * exported for the debugger redact their own.
 */
export type SchemeModule<T extends AuthType> = {
  readonly type: T;
  readonly schema: z.ZodType<StepOf<T>>;
  /** The scheme's name in the editor. */
  readonly label: string;
  readonly help?: string;
  /** A fresh step, valid as far as its required fields go. */
  readonly initial: StepOf<T>;
  readonly fields: FieldsOf<T>;
  readonly use: (step: StepOf<T>) => StepUse;
  /** Secret values named by the step's own fields, even when typed in rather than taken from the vault. */
  readonly secrets: (step: StepOf<T>) => string[];
  readonly apply: (request: SigningRequest, step: StepOf<T>, ctx: ApplyContext) => SchemeResult | Promise<SchemeResult>;
};
