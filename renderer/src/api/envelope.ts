import type { Envelope } from '../../../main/contract/index.ts';
import { ApiError } from './errors.ts';

function isEnvelope(value: unknown): value is Envelope<unknown> {
  return typeof value === 'object' && value !== null && 'ok' in value && typeof value.ok === 'boolean';
}

/** Turns what a door returned into a value, or throws an ApiError that names the problem. */
export function unwrap<T>(value: unknown): T {
  if (!isEnvelope(value)) throw new ApiError({ code: 'internal', message: 'Main answered with something that is not a Countersign reply.' });
  if (!value.ok) throw new ApiError(value.error);
  return value.value as T;
}
