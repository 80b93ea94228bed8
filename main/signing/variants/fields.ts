import { createHmac } from 'node:crypto';
import type { HmacFields, HmacPart } from '../../contract/auth.ts';
import { CENTAGATE_CODE_SAMPLE_ORDER, CENTAGATE_PARAMETER_TABLE_ORDER, centagateOrderOf } from '../schemes/hmac-fields.ts';
import { fromBytes, type AlternativeKey, type ComputedVariant, type VariantCause } from './types.ts';

export type FieldsVariantInput = {
  /** Resolved, in main only. */
  readonly config: HmacFields;
  /** The JSON body as signed (timestamp filled in, signature field not yet set). */
  readonly body: Readonly<Record<string, unknown>>;
  readonly keyLabel: string;
  readonly alternatives?: readonly AlternativeKey[];
};

function text(value: unknown, absentAs: string): string {
  if (value === undefined || value === null) return absentAs;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

function concatenate(parts: readonly HmacPart[], body: Readonly<Record<string, unknown>>, absentAs: string, map: (value: string) => string = (v) => v): string {
  return parts
    .map((part) => (part.kind === 'field' ? map(text(body[part.name], absentAs)) : part.kind === 'literal' ? part.value : part.template))
    .join('');
}

/** A field HMAC (CENTAGATE) under the other readings of its docs: field order, absent optionals as "null", Unicode forms, the timestamp's unit, the key. */
export function fieldSignatureVariants(input: FieldsVariantInput): ComputedVariant[] {
  const { config, body, keyLabel } = input;
  const out: ComputedVariant[] = [];
  const push = (id: string, cause: VariantCause, description: string, stringToSign: string, key = config.key, shape = keyLabel) => {
    out.push({ id, cause, description, stringToSign, ...fromBytes(createHmac(config.algorithm, key).update(stringToSign).digest()), key: shape });
  };
  const sent = concatenate(config.parts, body, '');
  push('as-sent', 'as-sent', 'the fields concatenated in the configured order, absent ones as ""', sent);
  const order = centagateOrderOf(config.parts);
  if (order !== undefined) {
    const other = order === 'code-sample' ? CENTAGATE_PARAMETER_TABLE_ORDER : CENTAGATE_CODE_SAMPLE_ORDER;
    const otherName = order === 'code-sample' ? "the parameter table's order" : "the code samples' order";
    push('fields.other-order', 'field_order', `the fields follow ${otherName}`, concatenate(other, body, ''));
    push('fields.other-order-null', 'field_order', `the fields follow ${otherName} and absent optional fields are concatenated as "null"`, concatenate(other, body, 'null'));
  }
  const nullText = concatenate(config.parts, body, 'null');
  if (nullText !== sent) push('fields.absent-null', 'optional_null', 'absent optional fields are concatenated as "null" instead of ""', nullText);
  for (const form of ['NFC', 'NFD'] as const) {
    const normalized = concatenate(config.parts, body, '', (v) => v.normalize(form));
    if (normalized !== sent) push(`encoding.${form.toLowerCase()}`, 'encoding', `the field values are Unicode-normalised to ${form}`, normalized);
  }
  const timestampField = config.timestampField;
  const timestamp = timestampField === undefined ? undefined : body[timestampField];
  if (timestampField !== undefined && typeof timestamp === 'string' && /^\d{1,11}$/.test(timestamp)) {
    push('fields.timestamp-ms', 'wrong_input', `${timestampField} is in milliseconds`, concatenate(config.parts, { ...body, [timestampField]: `${timestamp}000` }, ''));
  }
  for (const [index, alternative] of (input.alternatives ?? []).entries()) {
    push(`key.alternative-${index + 1}`, 'key_differs', `the key is ${alternative.label}`, sent, alternative.value, alternative.label);
  }
  return out;
}
