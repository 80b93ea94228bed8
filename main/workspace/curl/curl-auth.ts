import type { AuthStep } from '../../contract/auth.ts';
import type { KeyValue } from '../../contract/workspace.ts';
import type { Collected } from './collect-args.ts';

export function headerValue(headers: readonly KeyValue[], name: string): string | undefined {
  return headers.find((header) => header.name.toLowerCase() === name)?.value;
}

// Headers that carry a credential by their name alone; their values go to the vault as API-key auth.
const CREDENTIAL_HEADER = /^(x-)?(api[-_]?key|auth[-_]?token|access[-_]?token|client[-_]?secret)$|subscription-key$/i;

function authorizationStep(c: Collected): AuthStep | null {
  const authHeader = headerValue(c.headers, 'authorization');
  if (c.user !== undefined) {
    const colon = c.user.indexOf(':');
    return { type: 'basic', username: colon < 0 ? c.user : c.user.slice(0, colon), password: colon < 0 ? '' : c.user.slice(colon + 1) };
  }
  if (c.bearer !== undefined) return { type: 'bearer', token: c.bearer };
  if (authHeader === undefined) return null;
  const bearer = /^Bearer\s+(.+)$/i.exec(authHeader);
  if (bearer?.[1] !== undefined) return { type: 'bearer', token: bearer[1] };
  const basic = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(authHeader);
  if (basic?.[1] !== undefined) {
    const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon > 0) return { type: 'basic', username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
  }
  c.warnings.push('The Authorization header has a scheme Countersign does not map; it was left out. Set the auth on the request.');
  return null;
}

/** Credentials in the command as auth steps, and the headers that remain once they are taken out. */
export function authOf(c: Collected): { steps: AuthStep[]; headers: KeyValue[] } {
  const steps: AuthStep[] = [];
  const first = authorizationStep(c);
  if (first) steps.push(first);
  const headers: KeyValue[] = [];
  for (const header of c.headers) {
    const name = header.name.toLowerCase();
    if (name === 'authorization') continue;
    if (CREDENTIAL_HEADER.test(name) && header.value !== '') steps.push({ type: 'api-key', in: 'header', name: header.name, value: header.value });
    else headers.push(header);
  }
  return { steps, headers };
}
