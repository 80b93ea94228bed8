import type { CompareReport, Difference } from '../contract/auth.ts';
import type { DiagnosisCause } from '../contract/diagnosis.ts';
import type { SecretRef } from '../contract/exchanges.ts';
import type { ComputedVariant, VariantCause } from '../signing/variants/types.ts';
import type { ParsedExpected, SignatureForms } from './expected.ts';

/** Most gateways (and the sandbox) accept a timestamp within five minutes of their clock. */
export const DEFAULT_WINDOW_SECONDS = 300;

export type DiagnosisFacts = {
  readonly kind: 'oauth1' | 'paynet' | 'fields';
  /** What we signed, re-derived: the first variant is the request as sent. */
  readonly variants: readonly ComputedVariant[];
  /** The timestamp as sent (Unix seconds), when the scheme has one. */
  readonly timestamp: string | null;
  readonly expected: ParsedExpected;
  /** The gateway's clock, from what was pasted or from the recorded response's Date header. */
  readonly serverDateMs: number | undefined;
  /** The component diff of the base string / string to sign (compare.ts). */
  readonly compare: CompareReport;
  /** Secrets whose value in the vault is no longer the one the send used. */
  readonly changedSecrets: readonly { readonly then: SecretRef; readonly now: SecretRef }[];
  /** How the secret(s) of the signing step are named, for sentences: "elecsnet.control_key in Sandbox". */
  readonly keyNames: string;
  readonly windowSeconds?: number;
};

export type Diagnosis = { cause: DiagnosisCause; sentence: string; evidence: string[] };

export function signatureEquals(variant: Pick<ComputedVariant, 'signatureHex' | 'signatureBase64'>, expected: SignatureForms): boolean {
  return variant.signatureHex === expected.hex || variant.signatureBase64 === expected.base64;
}

const BECAUSE: Record<Exclude<VariantCause, 'as-sent'>, { cause: DiagnosisCause; lead: string }> = {
  key_differs: { cause: 'key_differs', lead: 'The key differs' },
  encoding: { cause: 'encoding', lead: 'The parameters are encoded differently' },
  parameters: { cause: 'parameters', lead: 'A parameter is missing, extra or repeated' },
  field_order: { cause: 'field_order', lead: 'The fields are concatenated in another order' },
  optional_null: { cause: 'optional_null', lead: 'An absent optional field is concatenated as "null"' },
  wrong_input: { cause: 'wrong_input', lead: 'The signature is over another input' },
  request_differs: { cause: 'request_differs', lead: 'The request is signed differently' },
};

function shorten(text: string, max = 120): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

function byVariant(variant: ComputedVariant, what: 'base string' | 'signature'): Diagnosis {
  const { cause, lead } = BECAUSE[variant.cause === 'as-sent' ? 'request_differs' : variant.cause];
  return {
    cause,
    sentence: `${lead}: the gateway's ${what} is exactly what you get when ${variant.description}.`,
    evidence: [`variant "${variant.id}" (${variant.description}) gives the gateway's ${what}`, `its string to sign: ${shorten(variant.stringToSign)}`, `its key: ${variant.key}`],
  };
}

function skewOf(facts: DiagnosisFacts): number | undefined {
  if (facts.serverDateMs === undefined || facts.timestamp === null || !/^\d{1,12}$/.test(facts.timestamp)) return undefined;
  return Number(facts.timestamp) - Math.floor(facts.serverDateMs / 1000);
}

/** What the structural diff says when no variant explains the difference. */
function fromDifferences(differences: readonly Difference[], kind: DiagnosisFacts['kind']): Diagnosis | undefined {
  const evidence = differences.map((d) => `${d.component}: gateway ${shorten(d.expected, 80)}, sent ${shorten(d.actual, 80)}${d.hint === undefined ? '' : ` (${d.hint})`}`);
  const encoding = differences.find((d) => d.component.startsWith('encoding of') || d.component === 'base string encoding');
  if (encoding !== undefined) {
    const unicode = encoding.expected.normalize('NFC') !== encoding.expected || encoding.actual.normalize('NFC') !== encoding.actual;
    return {
      cause: 'encoding',
      sentence: `The parameters are encoded differently: ${encoding.component.replace('encoding of ', '')} is ${shorten(encoding.expected, 60)} at the gateway but ${shorten(encoding.actual, 60)} as sent${unicode ? ' (Unicode normalisation differs)' : ''}.`,
      evidence,
    };
  }
  const repeated = differences.find((d) => d.hint === 'the parameter repeats a different number of times');
  const missing = differences.find((d) => d.component.startsWith('parameter ') && d.actual === '(absent)');
  const extra = differences.find((d) => d.component.startsWith('parameter ') && d.expected === '(absent)');
  const param = repeated ?? missing ?? extra;
  if (param !== undefined) {
    const name = param.component.replace('parameter ', '');
    const how = param === repeated ? 'is repeated a different number of times' : param === missing ? 'is signed by the gateway but missing from the request' : 'is in the request but not signed by the gateway';
    return { cause: 'parameters', sentence: `A parameter differs: ${name} ${how}.`, evidence };
  }
  const onlyFresh = differences.length > 0 && differences.every((d) => d.component === 'parameter oauth_nonce' || d.component === 'parameter oauth_timestamp');
  if (onlyFresh) {
    return {
      cause: 'request_differs',
      sentence: 'The base strings differ only in oauth_timestamp and oauth_nonce: the pasted base string belongs to another send; compare with the History entry of that send.',
      evidence,
    };
  }
  if (differences.length === 0) return undefined;
  const first = differences[0];
  return {
    cause: 'request_differs',
    sentence:
      kind === 'oauth1'
        ? `The base strings differ in ${differences.map((d) => d.component).join(', ')}, and no common variant explains it.`
        : `The strings to sign differ from ${first?.component ?? 'the start'}, and no common variant (order, "null", timestamp unit) explains it.`,
    evidence,
  };
}

/**
 * The one-sentence diagnosis, with its evidence: the most likely cause of
 * a refused signature, from what we re-derived and what the gateway said.
 */
export function diagnose(facts: DiagnosisFacts): Diagnosis {
  const window = facts.windowSeconds ?? DEFAULT_WINDOW_SECONDS;
  const [sent] = facts.variants;
  const evidence: string[] = [];
  const { baseString, signature } = facts.expected;
  const stringMatches = baseString === undefined || sent === undefined ? undefined : baseString.trim() === sent.stringToSign.trim();
  const signatureMatches = signature === undefined || sent === undefined ? undefined : signatureEquals(sent, signature);
  const keyTries = facts.variants.filter((v) => v.id === 'as-sent' || v.cause === 'key_differs');

  const skew = skewOf(facts);
  if (skew !== undefined) {
    evidence.push(`timestamp sent ${facts.timestamp ?? ''}; gateway clock ${new Date(facts.serverDateMs ?? 0).toUTCString()}; difference ${skew} s (window ±${window} s)`);
  }
  if (stringMatches !== undefined) evidence.push(stringMatches ? 'the base strings are equal' : 'the base strings differ');
  if (signatureMatches !== undefined) evidence.push(signatureMatches ? 'the signatures are equal' : 'the signatures differ');

  for (const changed of facts.changedSecrets) {
    evidence.push(`${changed.then.name} in ${changed.then.environment}: fingerprint ${changed.then.fingerprint} when sent, ${changed.now.fingerprint} in the vault now`);
  }
  if (facts.changedSecrets.length > 0) {
    const first = facts.changedSecrets[0];
    return {
      cause: 'secret_changed',
      sentence: `${first?.then.name ?? 'A secret'} in ${first?.then.environment ?? 'this environment'} was changed after this request was sent (fingerprint ${first?.then.fingerprint ?? ''} then, ${first?.now.fingerprint ?? ''} now), so the signature cannot be re-derived as sent: send again and compare that send.`,
      evidence,
    };
  }

  if (skew !== undefined && Math.abs(skew) > window) {
    const direction = skew < 0 ? 'behind' : 'ahead of';
    return {
      cause: 'clock_skew',
      sentence: `The timestamp ${facts.timestamp ?? ''} is ${Math.abs(skew)} s ${direction} the gateway's clock (its Date header), outside a ±${window} s window: set this machine's clock right (or ask the gateway to) and send again.`,
      evidence,
    };
  }

  if (stringMatches === true) {
    if (signatureMatches === true) {
      return { cause: 'match', sentence: 'Everything given matches: the gateway computes the same string and the same signature as this request.', evidence };
    }
    const byKey = signature === undefined ? undefined : facts.variants.find((v) => v.id !== 'as-sent' && v.stringToSign.trim() === baseString?.trim() && signatureEquals(v, signature));
    if (byKey !== undefined) return { ...byVariant(byKey, 'signature'), evidence: [...evidence, ...byVariant(byKey, 'signature').evidence] };
    const tried = keyTries.map((v) => v.key).join('; ');
    return {
      cause: 'key_differs',
      sentence: `The base strings are equal, so the key differs: the gateway does not sign with ${facts.keyNames}${signature === undefined ? '' : ` (tried: ${tried})`}.`,
      evidence: [...evidence, `keys tried: ${tried}`],
    };
  }

  if (stringMatches === false && baseString !== undefined) {
    const variant = facts.variants.find((v) => v.id !== 'as-sent' && v.stringToSign.trim() === baseString.trim());
    if (variant !== undefined) {
      const found = byVariant(variant, 'base string');
      return { ...found, evidence: [...evidence, ...found.evidence] };
    }
    const found = fromDifferences(facts.compare.differences.filter((d) => d.component !== 'signature'), facts.kind);
    if (found !== undefined) return { ...found, evidence: [...evidence, ...found.evidence] };
  }

  if (signature !== undefined) {
    if (signatureMatches === true) {
      return { cause: 'match', sentence: 'The gateway expects exactly the signature this request carries.', evidence };
    }
    const variant = facts.variants.find((v) => v.id !== 'as-sent' && signatureEquals(v, signature));
    if (variant !== undefined) {
      const found = byVariant(variant, 'signature');
      return { ...found, evidence: [...evidence, ...found.evidence] };
    }
    if (facts.kind === 'paynet') {
      return {
        cause: 'key_differs',
        sentence: `X-Signature covers X-Timestamp alone, which the gateway received as sent, and no other input or key tried gives its value, so the key differs: the gateway does not sign with ${facts.keyNames}.`,
        evidence: [...evidence, `keys tried: ${keyTries.map((v) => v.key).join('; ')}`],
      };
    }
    return {
      cause: 'unknown',
      sentence: `None of the ${facts.variants.length} common variants gives the gateway's signature; paste its base string as well to see which part differs (or the key differs: ${facts.keyNames}).`,
      evidence: [...evidence, `keys tried: ${keyTries.map((v) => v.key).join('; ')}`],
    };
  }

  if (skew !== undefined) {
    return {
      cause: 'unknown',
      sentence: `The timestamp is within ±${window} s of the gateway's clock (${skew} s); paste the gateway's base string or expected signature to compare the rest.`,
      evidence,
    };
  }
  return { cause: 'unknown', sentence: "Nothing to compare yet: paste the gateway's base string, its expected signature or the raw request.", evidence };
}
