import { createHmac } from 'node:crypto';
import { HmacFields, type HmacPart } from '../../contract/auth.ts';
import { unixSeconds } from '../defaults.ts';
import { SigningError } from '../errors.ts';
import { withStringFields, type ParsedJsonBody } from '../json-fields.ts';
import { setHeader } from '../request-edit.ts';
import { keyShape, redactTrace, TraceBuilder } from '../trace.ts';
import type { SchemeContext, SchemeResult, SignedString, SigningRequest } from '../types.ts';
import type { SchemeModule } from './define.ts';

const field = (name: string): HmacPart => ({ kind: 'field', name });

/** CENTAGATE authQRCode, the order its Java, Node.js and PHP samples concatenate (the preset). */
export const CENTAGATE_CODE_SAMPLE_ORDER: readonly HmacPart[] = [
  'username', 'devAccId', 'otp', 'challenge', 'details', 'authToken', 'integrationKey',
  'unixTimestamp', 'supportFido', 'ipAddress', 'userAgent', 'browserFp',
].map(field);

/** The order the same page's parameter table gives for the HMAC field. */
export const CENTAGATE_PARAMETER_TABLE_ORDER: readonly HmacPart[] = [
  'username', 'devAccId', 'otp', 'challenge', 'details', 'authToken', 'userAgent', 'integrationKey',
  'supportFido', 'browserFp', 'unixTimestamp', 'ipAddress',
].map(field);

export type CentagateOrder = 'code-sample' | 'parameter-table';

/** The CENTAGATE preset: HMAC-SHA256, hex, into the body's `hmac`, `unixTimestamp` filled in. */
export function centagatePreset(key: string, order: CentagateOrder = 'code-sample'): HmacFields {
  return {
    type: 'hmac-fields',
    key,
    algorithm: 'sha256',
    encoding: 'hex',
    parts: [...(order === 'code-sample' ? CENTAGATE_CODE_SAMPLE_ORDER : CENTAGATE_PARAMETER_TABLE_ORDER)],
    output: { in: 'body', field: 'hmac' },
    timestampField: 'unixTimestamp',
  };
}

type JsonObject = Record<string, unknown>;

function parseBodyObject(request: SigningRequest): ParsedJsonBody | undefined {
  if (request.body.kind !== 'json') return undefined;
  const { text } = request.body;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new SigningError('The JSON body is not valid JSON, so its fields cannot be signed.');
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new SigningError('Field signing needs the body to be a JSON object.');
  }
  return { text, value: parsed as JsonObject };
}

/** Absent or null fields count as empty strings, as the gateway's samples do with unset optionals. */
function fieldText(body: JsonObject | undefined, name: string): { text: string; absent: boolean } {
  const value = body?.[name];
  if (value === undefined || value === null) return { text: '', absent: true };
  if (typeof value === 'string') return { text: value, absent: false };
  if (typeof value === 'number' || typeof value === 'boolean') return { text: String(value), absent: false };
  return { text: JSON.stringify(value), absent: false };
}

/**
 * HMAC over an ordered list of parts (body fields, literals, resolved
 * variables), written into a body field or a header. Variable parts arrive
 * already resolved by the runner, so here they are plain text. The trace is
 * unredacted (see SchemeModule); signHmacFields redacts it.
 */
function applyHmacFields(request: SigningRequest, config: HmacFields, ctx: SchemeContext): SchemeResult {
  const trace = new TraceBuilder(`HMAC-${config.algorithm.toUpperCase()} over fields`);
  const parsed = parseBodyObject(request);
  if (parsed === undefined && (config.output.in === 'body' || config.timestampField !== undefined)) {
    throw new SigningError('Signing fields into the body needs a JSON object body.');
  }
  // The fields this step writes into the body, in order (the timestamp it fills in, the signature).
  const added: [string, string][] = [];
  let body = parsed?.value;
  if (body !== undefined && config.timestampField !== undefined) {
    const current = body[config.timestampField];
    if (current === undefined || current === null || current === '') {
      const timestamp = String(unixSeconds(ctx.clock));
      body = { ...body, [config.timestampField]: timestamp };
      added.push([config.timestampField, timestamp]);
      trace.add('Timestamp filled in', `${config.timestampField} = ${timestamp}`);
    }
  }

  const pieces = assemble(config.parts, body, '');
  // One pass for the string to sign and the trace's list of parts (this runs on every send).
  let stringToSign = '';
  let listed = '';
  for (let i = 0; i < pieces.length; i++) {
    const p = pieces[i] as Piece;
    stringToSign += p.text;
    listed += `${i === 0 ? '' : '\n'}${numbered(i)}${p.label} = "${p.text}"${p.note === '' ? '' : `  (${p.note})`}`;
  }
  // digest('hex') and a pooled Buffer.from for the base64: a digest() Buffer costs more than the HMAC itself here.
  const hex = createHmac(config.algorithm, config.key).update(stringToSign).digest('hex');
  const base64 = Buffer.from(hex, 'hex').toString('base64');
  const signature = config.encoding === 'hex' ? hex : base64;

  trace
    .add('Parts in order', listed)
    .add('String to sign', stringToSign, 'the parts concatenated with nothing between them')
    .add('Signing key', keyShape('secret key', config.key))
    .add('Signature (hex)', hex)
    .add('Signature (base64)', base64);

  let signed: SigningRequest;
  if (config.output.in === 'body') {
    added.push([config.output.field, signature]);
    signed = { ...request, body: { kind: 'json', text: withStringFields(parsed as ParsedJsonBody, added) } };
    trace.add('Body field set', `${config.output.field} = ${signature}`);
  } else {
    signed = setHeader(request, config.output.name, signature);
    // The body changes only when the timestamp was filled in; otherwise it goes out exactly as written.
    if (parsed !== undefined && added.length > 0) signed = { ...signed, body: { kind: 'json', text: withStringFields(parsed, added) } };
    trace.add('Header set', `${config.output.name}: ${signature}`);
  }
  return {
    request: signed,
    trace: trace.unredacted(),
    comparable: {
      kind: 'string',
      stringToSign,
      // Pieces carry a note besides label and text; compare mode reads only those two.
      parts: pieces,
      signatureHex: hex,
      signatureBase64: base64,
      variants: () => hmacFieldVariants(config, body),
    },
  };
}

/** Field signing on its own (debugger, sandbox, tests), trace redacted. */
export function signHmacFields(request: SigningRequest, config: HmacFields, ctx: SchemeContext): SchemeResult {
  const result = applyHmacFields(request, config, ctx);
  return { ...result, trace: redactTrace(result.trace, [config.key]) };
}

type Piece = { label: string; text: string; note: string };

/** " 1. " to "99. ": the trace's part numbers, right-aligned, made once. */
const NUMBERS: readonly string[] = Array.from({ length: 99 }, (_, i) => `${i < 9 ? ' ' : ''}${i + 1}. `);
const numbered = (index: number): string => NUMBERS[index] ?? `${index + 1}. `;

function assemble(parts: readonly HmacPart[], body: JsonObject | undefined, absentAs: string): Piece[] {
  return parts.map((part) => {
    switch (part.kind) {
      case 'field': {
        const { text, absent } = fieldText(body, part.name);
        return absent
          ? { label: part.name, text: absentAs, note: `absent: ${absentAs === '' ? 'empty string' : `"${absentAs}"`}` }
          : { label: part.name, text, note: '' };
      }
      case 'literal':
        return { label: 'literal', text: part.value, note: '' };
      case 'variable':
        return { label: 'variable', text: part.template, note: '' };
    }
  });
}

function sameFields(a: readonly HmacPart[], b: readonly HmacPart[]): boolean {
  return a.length === b.length && a.every((part, i) => part.kind === 'field' && b[i]?.kind === 'field' && part.name === b[i].name);
}

/** Which CENTAGATE order a parts list is, if it is one of them. */
export function centagateOrderOf(parts: readonly HmacPart[]): CentagateOrder | undefined {
  if (sameFields(parts, CENTAGATE_CODE_SAMPLE_ORDER)) return 'code-sample';
  if (sameFields(parts, CENTAGATE_PARAMETER_TABLE_ORDER)) return 'parameter-table';
  return undefined;
}

/**
 * Other readings of the same docs: CENTAGATE's other field order, and absent
 * fields concatenated as "null" (what Java's string concatenation does).
 */
function hmacFieldVariants(config: HmacFields, body: JsonObject | undefined): (SignedString & { description: string })[] {
  const sign = (description: string, pieces: readonly Piece[]): SignedString & { description: string } => {
    const stringToSign = pieces.map((p) => p.text).join('');
    const digest = createHmac(config.algorithm, config.key).update(stringToSign).digest();
    return { description, stringToSign, signatureHex: digest.toString('hex'), signatureBase64: digest.toString('base64') };
  };
  const out = [sign('absent fields are concatenated as "null"', assemble(config.parts, body, 'null'))];
  const order = centagateOrderOf(config.parts);
  if (order !== undefined) {
    const other = order === 'code-sample' ? CENTAGATE_PARAMETER_TABLE_ORDER : CENTAGATE_CODE_SAMPLE_ORDER;
    out.push(sign(`the fields follow the ${order === 'code-sample' ? 'parameter table' : 'code samples'} order`, assemble(other, body, '')));
  }
  return out;
}

export const hmacFields: SchemeModule<'hmac-fields'> = {
  type: 'hmac-fields',
  schema: HmacFields,
  label: 'HMAC over body fields',
  help: 'An HMAC of body fields, literals and variables concatenated in order, written into a body field or a header (CENTAGATE).',
  initial: { type: 'hmac-fields', key: '', algorithm: 'sha256', encoding: 'hex', parts: [], output: { in: 'header', name: 'X-Signature' } },
  fields: {
    key: { label: 'Key', secret: 'text' },
    algorithm: { label: 'Algorithm' },
    encoding: { label: 'Encoding' },
    parts: { label: 'Parts (JSON list of field / literal / variable)' },
    output: { label: 'Output (JSON)' },
    timestampField: { label: 'Timestamp field' },
  },
  use: () => ({
    label: 'HMAC over fields',
    fields: { key: 'compute the HMAC', parts: 'build the string to sign', output: 'place the HMAC', timestampField: 'fill the timestamp field' },
  }),
  secrets: (step) => [step.key],
  apply: applyHmacFields,
};
