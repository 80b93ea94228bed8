import type { ApiKeyAuth, BasicAuth, BearerAuth } from '../contract/auth.ts';
import { addQueryParam, setHeader } from './request-edit.ts';
import { keyShape, TraceBuilder } from './trace.ts';
import type { SchemeResult, SigningRequest } from './types.ts';

export function basicCredentials(username: string, password: string): string {
  return Buffer.from(`${username}:${password}`, 'utf8').toString('base64');
}

export function applyApiKey(request: SigningRequest, config: ApiKeyAuth): SchemeResult {
  const trace = new TraceBuilder('API key').add('Key', keyShape('API key', config.value));
  if (config.in === 'header') {
    trace.add('Header set', `${config.name}: ${config.value}`);
    return { request: setHeader(request, config.name, config.value), trace: trace.build([config.value]) };
  }
  trace.add('Query parameter added', `${config.name}=${config.value}`);
  return { request: { ...request, url: addQueryParam(request.url, config.name, config.value) }, trace: trace.build([config.value]) };
}

export function applyBasic(request: SigningRequest, config: BasicAuth): SchemeResult {
  const encoded = basicCredentials(config.username, config.password);
  const trace = new TraceBuilder('Basic')
    .add('Credentials', `${config.username}:${keyShape('password', config.password)}`, 'base64 of "username:password"')
    .add('Header set', `Authorization: Basic ${encoded}`);
  return { request: setHeader(request, 'Authorization', `Basic ${encoded}`), trace: trace.build([config.password, encoded]) };
}

export function applyBearer(request: SigningRequest, config: BearerAuth): SchemeResult {
  const trace = new TraceBuilder('Bearer')
    .add('Token', keyShape('bearer token', config.token))
    .add('Header set', `Authorization: Bearer ${config.token}`);
  return { request: setHeader(request, 'Authorization', `Bearer ${config.token}`), trace: trace.build([config.token]) };
}
