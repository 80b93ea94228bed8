import { BearerAuth } from '../../contract/auth.ts';
import { setHeader } from '../request-edit.ts';
import { keyShape, TraceBuilder } from '../trace.ts';
import type { SchemeResult, SigningRequest } from '../types.ts';
import type { SchemeModule } from './define.ts';

/** `Authorization: Bearer` with a token the user holds. The trace is unredacted (see SchemeModule). */
export function applyBearer(request: SigningRequest, config: BearerAuth): SchemeResult {
  const trace = new TraceBuilder('Bearer')
    .add('Token', keyShape('bearer token', config.token))
    .add('Header set', `Authorization: Bearer ${config.token}`);
  return { request: setHeader(request, 'Authorization', `Bearer ${config.token}`), trace: trace.unredacted() };
}

export const bearer: SchemeModule<'bearer'> = {
  type: 'bearer',
  schema: BearerAuth,
  label: 'Bearer token',
  initial: { type: 'bearer', token: '' },
  fields: { token: { label: 'Token', secret: 'text' } },
  use: () => ({ label: 'Bearer', fields: { token: 'send the bearer token' } }),
  secrets: (step) => [step.token],
  apply: (request, step) => applyBearer(request, step),
};
