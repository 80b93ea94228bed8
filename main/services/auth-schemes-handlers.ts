import type { Handlers } from '../core/dispatcher.ts';
import { describeSchemes } from '../signing/schemes/describe.ts';

/** `auth:schemes`: what the auth editor shows for each registered scheme, as data (the renderer renders whatever arrives). */
export function createAuthSchemesHandlers(): Pick<Handlers, 'auth:schemes'> {
  return { 'auth:schemes': () => ({ schemes: describeSchemes() }) };
}
