import { ApiKeyAuth } from '../../contract/auth.ts';
import { addQueryParam, setHeader } from '../request-edit.ts';
import { keyShape, TraceBuilder } from '../trace.ts';
import type { SchemeResult, SigningRequest } from '../types.ts';
import type { SchemeModule } from './define.ts';

/** An API key in a header, or appended as a query parameter. The trace is unredacted (see SchemeModule). */
export function applyApiKey(request: SigningRequest, config: ApiKeyAuth): SchemeResult {
  const trace = new TraceBuilder('API key').add('Key', keyShape('API key', config.value));
  if (config.in === 'header') {
    trace.add('Header set', `${config.name}: ${config.value}`);
    return { request: setHeader(request, config.name, config.value), trace: trace.unredacted() };
  }
  trace.add('Query parameter added', `${config.name}=${config.value}`);
  return { request: { ...request, url: addQueryParam(request.url, config.name, config.value) }, trace: trace.unredacted() };
}

export const apiKey: SchemeModule<'api-key'> = {
  type: 'api-key',
  schema: ApiKeyAuth,
  label: 'API key',
  initial: { type: 'api-key', in: 'header', name: 'X-Api-Key', value: '' },
  fields: {
    in: { label: 'Send in' },
    name: { label: 'Name' },
    value: { label: 'Value', secret: 'text' },
  },
  use: (step) => ({ label: `API key (${step.in})`, fields: { name: 'name the API key', value: 'send the API key' } }),
  secrets: (step) => [step.value],
  apply: (request, step) => applyApiKey(request, step),
};
