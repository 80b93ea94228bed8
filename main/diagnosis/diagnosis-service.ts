import type { CompareReport } from '../contract/auth.ts';
import type { DiagnosisInput, DiagnosisReport, KeyTried, VariantsReport } from '../contract/diagnosis.ts';
import { ServiceError } from '../contract/errors.ts';
import type { ExchangeFailure, SecretRef } from '../contract/exchanges.ts';
import type { HistoryEntry } from '../contract/history.ts';
import { Redactor } from '../core/redactor.ts';
import { compareOAuth1, compareSignedString } from '../signing/compare.ts';
import type { Clock, NonceSource, SecretSource, SignInput } from '../signing/index.ts';
import type { ComputedVariant } from '../signing/variants/types.ts';
import { diagnose, signatureEquals } from './explain.ts';
import { isEmpty, parseExpected, type ParsedExpected } from './expected.ts';
import { alternativeKeys, keyFacts, publicKeyFingerprint, variantsOf, type KeyFacts } from './material.ts';
import { replayChain, type Replayed, type SigningStep } from './replay.ts';
import { baseStringFromRaw } from './raw-base.ts';
import { replaySources, ReplayExhaustedError, SigningRecorder } from './recording.ts';

export type DiagnosisDeps = {
  /** The vault, as signing reads it (through the process ledger). */
  secrets: SecretSource;
  /** The environments whose vault holds a secret of this name (for "the wrong environment's secret"). */
  secretEnvironments: (name: string) => readonly string[];
  historyEntry?: ((id: string) => HistoryEntry) | undefined;
  /** The saved request with its environment and inherited auth, as a send would sign it. */
  prepare: (requestId: string, environmentId: string) => Promise<{ signInput: SignInput; label: string }>;
  clock: Clock;
  nonces: NonceSource;
  /** Every secret read here joins the process-wide ledger too. */
  ledger: Redactor;
};

export type DiagnosisService = {
  explain(input: DiagnosisInput): Promise<DiagnosisReport>;
  variants(input: DiagnosisInput): Promise<VariantsReport>;
};

type Material = {
  subject: string;
  historyId: string | null;
  expected: ParsedExpected;
  replayed: Replayed & { signing: SigningStep };
  key: KeyFacts;
  variants: ComputedVariant[];
  compare: CompareReport;
  serverDateMs: number | undefined;
  timestamp: string | null;
  changed: { then: SecretRef; now: SecretRef }[];
  secrets: (SecretRef & { changedSince: boolean | null })[];
  reDerived: boolean;
  warnings: string[];
  /** Facts found outside the diagnosis proper (what a raw request showed). */
  extraEvidence: string[];
  redactor: Redactor;
};

function recordedSignatureHex(entry: HistoryEntry, scheme: string): string | undefined {
  const call = [...(entry.exchanges ?? [])].reverse().find((exchange) => exchange.role === 'call');
  const trace = call?.traces.find((t) => t.scheme === scheme);
  return trace?.steps.find((step) => step.label === 'Signature (hex)')?.value;
}

function responseDate(entry: HistoryEntry): number | undefined {
  const call = [...(entry.exchanges ?? [])].reverse().find((exchange) => exchange.sent);
  const date = call?.headers.find(([name]) => name === 'date')?.[1];
  const ms = date === undefined ? NaN : Date.parse(date);
  return Number.isFinite(ms) ? ms : undefined;
}

function noSignature(subject: string, historyId: string | null): DiagnosisReport {
  return {
    subject,
    historyId,
    scheme: 'none',
    cause: 'no_signature',
    sentence: 'This auth chain computes no signature (only tokens, keys or Basic credentials), so there is nothing to compare: a 401 or 403 here means the credentials themselves were refused.',
    evidence: [],
    compare: { matches: false, differences: [], summary: 'No signature to compare.' },
    keysTried: [],
    secrets: [],
    reDerived: false,
    warnings: [],
  };
}

/** A send that stopped at its token step made no signature: its cause is the token exchange's. */
function tokenFailed(subject: string, historyId: string, failure: ExchangeFailure): DiagnosisReport {
  const cause = `${failure.cause.charAt(0).toUpperCase()}${failure.cause.slice(1)}`;
  return {
    ...noSignature(subject, historyId),
    cause: 'token_failed',
    sentence: `${cause}; the call was not made, so no signature was computed to compare.`,
    evidence: [`token exchange: ${failure.category}${failure.detail === null ? '' : `: ${failure.detail}`}`],
  };
}

export function createDiagnosisService(deps: DiagnosisDeps): DiagnosisService {
  const material = async (input: DiagnosisInput): Promise<Material | DiagnosisReport> => {
    let expected = parseExpected(input.expected);
    const source = input.source;
    const warnings: string[] = [];
    const recorder = new SigningRecorder(deps.clock, deps.nonces, deps.secrets);
    let replayed: Replayed;
    let subject: string;
    let historyId: string | null = null;
    let environment: string;
    let recordedRefs: SecretRef[] = [];
    let recordedHex: string | undefined;
    let serverDateMs = expected.serverDateMs;
    let clockReadings: number[];
    if ('historyId' in source) {
      if (!deps.historyEntry) throw new ServiceError('failed', 'History is not available here.');
      const entry = deps.historyEntry(source.historyId);
      historyId = entry.id;
      environment = entry.environment.name;
      subject = `"${entry.requestName}" as sent to ${entry.environment.name} at ${new Date(entry.at).toISOString().replace('T', ' ').slice(0, 19)} UTC (History)`;
      const inputs = entry.signatureInputs;
      if (inputs === undefined || inputs === null) {
        const tokenFailure = (entry.exchanges ?? []).find((exchange) => exchange.role === 'token' && exchange.failure !== null)?.failure;
        if (tokenFailure) return tokenFailed(subject, historyId, tokenFailure);
        if ((entry.exchanges ?? []).length > 0 || entry.status !== null) return noSignature(subject, historyId);
        throw new ServiceError('failed', 'This History entry kept no signature inputs (it was recorded before they were kept, or it failed before signing): send the request again and explain that send.');
      }
      if (inputs.notReplayable !== null) throw new ServiceError('failed', `This send's signature cannot be re-derived: ${inputs.notReplayable}.`);
      const replay = replaySources(inputs.drawn);
      clockReadings = inputs.drawn.filter((d) => d.kind === 'clock').map((d) => Number(d.value));
      recordedRefs = inputs.secrets;
      recordedHex = recordedSignatureHex(entry, inputs.scheme);
      serverDateMs ??= responseDate(entry);
      try {
        replayed = await replayChain(
          { request: inputs.request, auth: inputs.auth, environment: { name: environment, variables: Object.fromEntries(inputs.variables.map((v) => [v.name, v.value])) } },
          { clock: replay.clock, nonces: replay.nonces, secrets: recorder.secrets },
        );
      } catch (error) {
        if (error instanceof ReplayExhaustedError) throw new ServiceError('failed', error.message);
        throw error instanceof Error ? new ServiceError('failed', recorder.redactor.redactText(error.message)) : error;
      }
    } else {
      if (isEmpty(expected)) throw new ServiceError('invalid_input', "Paste what the gateway expected: its base string, its signature (hex or base64), its X-Signature, or the raw request from its log.");
      const prepared = await deps.prepare(source.requestId, source.environmentId);
      environment = prepared.signInput.environment.name;
      subject = `a fresh signature of "${prepared.label}" for ${environment}: nothing was sent, so its timestamp and nonce are new`;
      try {
        replayed = await replayChain(prepared.signInput, { clock: recorder.clock, nonces: recorder.nonces, secrets: recorder.secrets });
      } catch (error) {
        throw error instanceof Error ? new ServiceError('failed', recorder.redactor.redactText(error.message)) : error;
      }
      clockReadings = recorder.drawn.filter((d) => d.kind === 'clock').map((d) => Number(d.value));
      warnings.push('Compared with a fresh signature: a timestamp, nonce or {{$uuid}} will differ from any earlier send. Explain a History entry to compare the request that was sent.');
    }
    const redactor = new Redactor().absorb(replayed.redactor).absorb(recorder.redactor);
    deps.ledger.absorb(redactor);
    if (replayed.signing === null) return noSignature(subject, historyId);
    const signing = replayed.signing;
    const key = keyFacts(signing, environment);
    const current = signing.kind === 'oauth1' ? (signing.step.signatureMethod.startsWith('RSA') ? signing.step.privateKey : signing.step.consumerSecret) : signing.kind === 'paynet' ? signing.step.clientSecret : signing.step.key;
    const alternatives = await alternativeKeys(key.vaultNames, environment, deps.secretEnvironments, deps.secrets, current ?? '');
    for (const alternative of alternatives) redactor.add(alternative.value);
    deps.ledger.absorb(redactor);
    const withSigning = { ...replayed, signing };
    const variants = variantsOf(withSigning, key, alternatives, clockReadings);
    const [asSent] = variants;
    const extraEvidence: string[] = [];
    if (expected.raw !== undefined) {
      if (expected.rawSignature !== undefined && asSent !== undefined) {
        extraEvidence.push(
          signatureEquals(asSent, expected.rawSignature)
            ? 'the raw request carries the signature that was sent: it reached the gateway unchanged'
            : 'the raw request carries another signature than was sent: it changed on the way, or the raw request is of another send',
        );
      }
      if (expected.baseString === undefined) {
        const rebuilt = baseStringFromRaw(expected.raw, signing, signing.before.url);
        if (rebuilt !== undefined) {
          expected = { ...expected, baseString: rebuilt };
          extraEvidence.push('base string rebuilt from the raw request, as the gateway should build it from what it received');
        }
      }
    }
    const comparable = signing.result.comparable;
    const compare: CompareReport =
      comparable === undefined
        ? { matches: false, differences: [], summary: 'Nothing to compare.' }
        : comparable.kind === 'oauth1'
          ? compareOAuth1(comparable, { ...(expected.baseString === undefined ? {} : { baseString: expected.baseString }), ...(expected.signature === undefined ? {} : { signature: expected.signature.base64 }) })
          : compareSignedString(comparable, { ...(expected.baseString === undefined ? {} : { baseString: expected.baseString }), ...(expected.signature === undefined ? {} : { signature: expected.signature.hex }) });
    const nowRefs = recorder.secretRefs;
    const changed = recordedRefs.flatMap((then) => {
      const now = nowRefs.find((ref) => ref.name === then.name && ref.environment === then.environment);
      return now !== undefined && now.fingerprint !== then.fingerprint ? [{ then, now }] : [];
    });
    const secrets = (historyId === null ? nowRefs : recordedRefs).map((ref) => ({
      ...ref,
      changedSince: historyId === null ? null : changed.some((c) => c.then.name === ref.name && c.then.environment === ref.environment),
    }));
    const [sent] = variants;
    const reDerived = historyId !== null && recordedHex !== undefined && sent !== undefined && sent.signatureHex === recordedHex;
    if (historyId !== null && recordedHex !== undefined && !reDerived && changed.length === 0) {
      warnings.push('The signature re-derived from History is not the one recorded: the request or its auth may have changed shape since.');
    }
    const timestamp = signing.kind === 'oauth1' ? (signing.result.comparable.base.params.find((p) => p.name === 'oauth_timestamp')?.value ?? null) : signing.kind === 'paynet' ? (sent?.stringToSign ?? null) : timestampField(signing);
    return { subject, historyId, expected, replayed: withSigning, key, variants, compare, serverDateMs, timestamp, changed, secrets, reDerived, warnings, extraEvidence, redactor };
  };

  return {
    async explain(input) {
      const found = await material(input);
      if (!('replayed' in found)) return found;
      const m = found;
      const diagnosis = diagnose({
        kind: m.replayed.signing.kind,
        variants: m.variants,
        timestamp: m.timestamp,
        expected: m.expected,
        serverDateMs: m.serverDateMs,
        compare: m.compare,
        changedSecrets: m.changed,
        keyNames: m.key.names,
      });
      const fingerprint = publicKeyFingerprint(m.replayed.signing);
      const keysTried: KeyTried[] = m.variants
        .filter((v) => v.id === 'as-sent' || v.cause === 'key_differs')
        .map((v) => ({
          description: v.id === 'as-sent' ? `${v.key} (as sent)` : v.description.replace(/^the key is /, ''),
          secret: v.id === 'as-sent' ? m.key.ref : null,
          matches: m.expected.signature !== undefined && signatureEquals(v, m.expected.signature),
        }));
      if (fingerprint !== null) {
        const asSent = keysTried[0]?.matches ?? false;
        keysTried.push(
          { description: `${m.key.label} read as PKCS#8 (the same RSA key as PKCS#1: both sign identically)`, secret: m.key.ref, matches: asSent },
          { description: `${m.key.label} read as PKCS#1`, secret: m.key.ref, matches: asSent },
        );
      }
      const evidence = [...m.extraEvidence, ...diagnosis.evidence, ...(fingerprint === null ? [] : [`the public half of ${m.key.names}: SHA-256 fingerprint ${fingerprint} (compare it with the key the gateway has registered)`])];
      return m.redactor.redactDeep({
        subject: m.subject,
        historyId: m.historyId,
        scheme: m.replayed.signing.result.trace.scheme,
        cause: diagnosis.cause,
        sentence: diagnosis.sentence,
        evidence,
        compare: m.compare,
        keysTried,
        secrets: m.secrets,
        reDerived: m.reDerived,
        warnings: m.warnings,
      });
    },

    async variants(input) {
      const found = await material(input);
      if (!('replayed' in found)) {
        return { subject: found.subject, historyId: found.historyId, scheme: 'none', expected: '', matched: null, sentence: found.sentence, variants: [], warnings: [] };
      }
      const m = found;
      const { signature, baseString } = m.expected;
      if (signature === undefined && baseString === undefined) {
        throw new ServiceError('invalid_input', "Paste the gateway's expected signature (or its base string) to find the variant that gives it.");
      }
      // A base string alone says nothing about the key: the key variants (same string, other key) cannot match it.
      const matches = (v: ComputedVariant): boolean =>
        signature !== undefined
          ? signatureEquals(v, signature) && (baseString === undefined || v.stringToSign.trim() === baseString.trim())
          : v.cause !== 'key_differs' && v.stringToSign.trim() === baseString?.trim();
      const matched = m.variants.find(matches);
      const expectedText = signature === undefined ? (baseString ?? '') : signature.as === 'hex' ? signature.hex : signature.base64;
      return m.redactor.redactDeep({
        subject: m.subject,
        historyId: m.historyId,
        scheme: m.replayed.signing.result.trace.scheme,
        expected: expectedText,
        matched: matched?.id ?? null,
        sentence:
          matched === undefined
            ? `None of the ${m.variants.length} variants gives the gateway's ${signature === undefined ? 'base string' : 'signature'}.`
            : matched.id === 'as-sent'
              ? `The request as sent gives the gateway's ${signature === undefined ? 'base string' : 'signature'}.`
              : `The gateway's ${signature === undefined ? 'base string' : 'signature'} is what you get when ${matched.description}.`,
        variants: m.variants.map((v) => ({ id: v.id, description: v.description, stringToSign: v.stringToSign, signatureHex: v.signatureHex, signatureBase64: v.signatureBase64, key: v.key, matches: matches(v) })),
        warnings: m.warnings,
      });
    },
  };
}

function timestampField(signing: SigningStep): string | null {
  if (signing.kind !== 'fields' || signing.step.timestampField === undefined || signing.result.request.body.kind !== 'json') return null;
  try {
    const body: unknown = JSON.parse(signing.result.request.body.text);
    const value = typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[signing.step.timestampField] : undefined;
    return typeof value === 'string' || typeof value === 'number' ? String(value) : null;
  } catch {
    return null;
  }
}
