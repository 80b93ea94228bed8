/**
 * CENTAGATE authQRCode: POST /v2/CentagateWS/webresources/auth/authQRCode,
 * JSON body with an `hmac` field. Answers {code, message, object} with HTTP
 * 200 like the seed, where code "0" means success.
 */
import type { ServerResponse } from 'node:http';
import type { SandboxEnvironment } from '../environment.ts';
import { readJsonObject, requireMediaType } from '../http/body.ts';
import { sendJson } from '../http/respond.ts';
import type { Route, RouteContext } from '../http/router.ts';
import { randomHex } from '../ids.ts';
import { sameText } from '../compare.ts';
import { checkUnixTimestamp } from '../timestamp.ts';
import { hmacHex, hmacText, HMAC_FIELD_ORDERS } from './hmac-text.ts';

const REQUIRED = ['username', 'devAccId', 'otp', 'challenge', 'details', 'integrationKey', 'unixTimestamp', 'transactionValue', 'isTransaction', 'hmac'] as const;
const OPTIONAL = ['authToken', 'supportFido', 'ipAddress', 'userAgent', 'browserFp'] as const;

/** Error codes of this sandbox (the seed does not list the real ones). */
export const CENTAGATE_CODES = {
  success: '0',
  missingField: '10001',
  badIntegrationKey: '10002',
  badTimestamp: '10003',
  badHmac: '10004',
  unknownUser: '10005',
  badOtp: '10006',
  notTransaction: '10007',
} as const;

function answer(res: ServerResponse, code: string, message: string, object: unknown = null): void {
  sendJson(res, 200, { code, message, object });
}

export function centagateRoutes(env: SandboxEnvironment): Route[] {
  const credentials = env.credentials.centagate;
  const order = env.centagate.hmacOrder;

  const authQRCode = async ({ req, res }: RouteContext) => {
    requireMediaType(req, 'application/json');
    const body = await readJsonObject(req);
    const fields: Record<string, string | undefined> = {};
    for (const name of [...REQUIRED, ...OPTIONAL]) {
      const value = body[name];
      if (value === undefined || value === null) continue;
      if (typeof value !== 'string') {
        answer(res, CENTAGATE_CODES.missingField, `Field "${name}" must be a string.`);
        return;
      }
      fields[name] = value;
    }
    const missing = REQUIRED.filter((name) => fields[name] === undefined || fields[name] === '');
    if (missing.length > 0) {
      answer(res, CENTAGATE_CODES.missingField, `Missing required field(s): ${missing.join(', ')}.`);
      return;
    }
    if (!sameText(fields.integrationKey ?? '', credentials.integrationKey)) {
      answer(res, CENTAGATE_CODES.badIntegrationKey, `Unknown integrationKey "${fields.integrationKey ?? ''}".`);
      return;
    }
    const freshness = checkUnixTimestamp(fields.unixTimestamp, env.now(), env.timestampToleranceSeconds);
    if (!freshness.ok) {
      answer(res, CENTAGATE_CODES.badTimestamp, `Rejected unixTimestamp: ${freshness.reason}.`);
      return;
    }
    const expectedText = hmacText(fields, order, env.faults.centagateAbsentAs ?? '');
    if (!sameText((fields.hmac ?? '').toLowerCase(), hmacHex(credentials.secretKey, expectedText))) {
      answer(
        res,
        CENTAGATE_CODES.badHmac,
        `Invalid HMAC. The sandbox expects hex HMAC-SHA256 keyed with the app's secret key over the ${order} order ` +
          `(${HMAC_FIELD_ORDERS[order].join(' + ')}), absent optional fields as ${JSON.stringify(env.faults.centagateAbsentAs ?? '')}. ` +
          `It concatenated: ${JSON.stringify(expectedText)}`,
      );
      return;
    }
    if (fields.username !== credentials.username || fields.devAccId !== credentials.devAccId) {
      answer(res, CENTAGATE_CODES.unknownUser, `No device account "${fields.devAccId ?? ''}" for user "${fields.username ?? ''}".`);
      return;
    }
    if (!/^\d{6}$/.test(fields.otp ?? '')) {
      answer(res, CENTAGATE_CODES.badOtp, 'The OTP must be six digits (the sandbox accepts any six digits).');
      return;
    }
    if (fields.isTransaction !== '1') {
      answer(res, CENTAGATE_CODES.notTransaction, 'isTransaction must be "1".');
      return;
    }
    answer(res, CENTAGATE_CODES.success, 'Success', {
      authToken: randomHex(env.randomBytes, 16),
      username: fields.username,
      transactionValue: fields.transactionValue,
    });
  };

  return [{ method: 'POST', pattern: /^\/v2\/CentagateWS\/webresources\/auth\/authQRCode\/?$/, handler: authQRCode }];
}
