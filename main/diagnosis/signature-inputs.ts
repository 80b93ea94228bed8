import type { SchemeTrace } from '../contract/auth.ts';
import type { RequestSnapshot, SignatureInputs } from '../contract/exchanges.ts';
import { REDACTED, type Redactor } from '../core/redactor.ts';
import type { RequestBody, SignInput } from '../signing/index.ts';
import type { SigningRecorder } from './recording.ts';

/** Schemes that compute a signature Compare can check (the others only carry tokens or keys). */
export function isSignatureScheme(scheme: string): boolean {
  return scheme.startsWith('OAuth 1.0a') || scheme === 'PayNet X-Signature' || /^HMAC-\S+ over fields$/.test(scheme);
}

function snapshotBody(body: RequestBody): RequestSnapshot['body'] {
  if (body.kind === 'multipart') return { kind: 'multipart', parts: body.parts.map((part) => ({ ...part })) };
  return body.kind === 'form' ? { kind: 'form', pairs: body.pairs.map((p) => ({ name: p.name, value: p.value })) } : { ...body };
}

/** Above this, a request's inputs are not kept: History stays small, and such bodies are rarely signed. */
const MAX_SNAPSHOT_CHARS = 256 * 1024;

function stepValue(trace: SchemeTrace, label: string): string | null {
  return trace.steps.find((step) => step.label === label)?.value ?? null;
}

function timestampOf(trace: SchemeTrace): string | null {
  if (trace.scheme.startsWith('OAuth 1.0a')) return stepValue(trace, 'Timestamp');
  if (trace.scheme === 'PayNet X-Signature') return stepValue(trace, 'String to sign');
  const filled = stepValue(trace, 'Timestamp filled in');
  return filled === null ? null : (filled.split(' = ')[1] ?? null);
}

/**
 * What History keeps so Compare can sign the same request again: the
 * request and auth as written, the variables, what the signer drew, and the
 * secrets by reference; walked by the send's redactor. Null when the chain
 * signs nothing.
 */
export function signatureInputsOf(input: SignInput, traces: readonly SchemeTrace[], recorder: SigningRecorder, redactor: Redactor): SignatureInputs | null {
  const signing = [...traces].reverse().find((trace) => isSignatureScheme(trace.scheme));
  if (signing === undefined) return null;
  const written = {
    request: { method: input.request.method, url: input.request.url, headers: [...input.request.headers], body: snapshotBody(input.request.body) },
    auth: [...input.auth],
    variables: Object.entries(input.environment.variables).map(([name, value]) => ({ name, value })),
  };
  if (JSON.stringify(written).length > MAX_SNAPSHOT_CHARS) return null;
  const redacted = redactor.redactDeep(written);
  const typedIn = JSON.stringify({ request: redacted.request, auth: redacted.auth }).includes(REDACTED);
  const secretVariable = redacted.variables.some((v) => v.value.includes(REDACTED));
  return {
    scheme: signing.scheme,
    timestamp: timestampOf(signing),
    nonce: signing.scheme.startsWith('OAuth 1.0a') ? stepValue(signing, 'Nonce') : null,
    drawn: [...recorder.drawn],
    variables: redacted.variables,
    secrets: recorder.secretRefs,
    request: redacted.request,
    auth: redacted.auth,
    notReplayable: typedIn
      ? 'a secret value is typed into the request or its auth instead of kept in the vault, so it was not kept and this signature cannot be re-derived'
      : secretVariable
        ? 'an environment variable holds a secret value, which was not kept, so this signature cannot be re-derived'
        : null,
  };
}
