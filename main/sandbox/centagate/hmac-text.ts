/**
 * The string CENTAGATE's authQRCode HMAC covers. Seed 003 lists two orders:
 * the code samples (Java, Node, PHP agree) and the parameter table. Absent
 * optional fields count as empty strings.
 */
import { createHmac } from 'node:crypto';
import type { CentagateHmacOrder } from '../environment.ts';

export const HMAC_FIELD_ORDERS: Record<CentagateHmacOrder, readonly string[]> = {
  'code-sample': [
    'username', 'devAccId', 'otp', 'challenge', 'details', 'authToken',
    'integrationKey', 'unixTimestamp', 'supportFido', 'ipAddress', 'userAgent', 'browserFp',
  ],
  'parameter-table': [
    'username', 'devAccId', 'otp', 'challenge', 'details', 'authToken',
    'userAgent', 'integrationKey', 'supportFido', 'browserFp', 'unixTimestamp', 'ipAddress',
  ],
};

/** `absentAs`: what an absent optional field becomes; "" as the seed says, "null" only for a test fault. */
export function hmacText(fields: Readonly<Record<string, string | undefined>>, order: CentagateHmacOrder, absentAs = ''): string {
  return HMAC_FIELD_ORDERS[order].map((name) => fields[name] ?? absentAs).join('');
}

export function hmacHex(secretKey: string, text: string): string {
  return createHmac('sha256', secretKey).update(text, 'utf8').digest('hex');
}
