import { basicPairForm } from '../../core/redactor.ts';
import { BasicAuth } from '../../contract/auth.ts';
import { setHeader } from '../request-edit.ts';
import { keyShape, TraceBuilder } from '../trace.ts';
import type { SchemeResult, SigningRequest } from '../types.ts';
import type { SchemeModule } from './define.ts';

/** base64 of `username:password` (RFC 7617), as Basic auth and the OAuth 2.0 / MoMo token calls send it. */
export function basicCredentials(username: string, password: string): string {
  return basicPairForm(username, password);
}

/** `Authorization: Basic`. The trace is unredacted (see SchemeModule). */
export function applyBasic(request: SigningRequest, config: BasicAuth): SchemeResult {
  const encoded = basicCredentials(config.username, config.password);
  const trace = new TraceBuilder('Basic')
    .add('Credentials', `${config.username}:${keyShape('password', config.password)}`, 'base64 of "username:password"')
    .add('Header set', `Authorization: Basic ${encoded}`);
  return { request: setHeader(request, 'Authorization', `Basic ${encoded}`), trace: trace.unredacted() };
}

export const basic: SchemeModule<'basic'> = {
  type: 'basic',
  schema: BasicAuth,
  label: 'Basic',
  initial: { type: 'basic', username: '', password: '' },
  fields: {
    username: { label: 'Username' },
    password: { label: 'Password', secret: 'text' },
  },
  use: () => ({ label: 'Basic', fields: { username: 'send Basic credentials', password: 'send Basic credentials' } }),
  secrets: (step) => [step.password, basicCredentials(step.username, step.password)],
  apply: (request, step) => applyBasic(request, step),
};
