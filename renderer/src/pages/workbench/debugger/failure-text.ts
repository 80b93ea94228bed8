import type { FailureCategory } from '../../../../../main/contract/exchanges.ts';

/** The words History and the debugger use for each failure category. */
export const CATEGORY_LABEL: Record<FailureCategory, string> = {
  network: 'Network',
  tls: 'TLS',
  token_refused: 'Token refused',
  signing: 'Signing',
  gateway_status: 'Gateway status',
  configuration: 'Configuration',
};

export const roleLabel = (role: 'token' | 'call') => (role === 'token' ? 'Token request' : 'Call');
