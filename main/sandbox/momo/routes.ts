/**
 * MTN MoMo, emulated at the root like sandbox.momodeveloper.mtn.com:
 * API-user provisioning (/v1_0/apiuser...), the collection token (Basic) and
 * request-to-pay with its status and PUT callback.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { createBearerTokens } from '../bearer-tokens.ts';
import { sameText } from '../compare.ts';
import type { SandboxEnvironment } from '../environment.ts';
import { readBody, readJsonObject } from '../http/body.ts';
import { header } from '../http/header.ts';
import { sendEmpty, sendJson } from '../http/respond.ts';
import type { Route, RouteContext } from '../http/router.ts';
import { isUuidV4 } from '../ids.ts';
import { SANDBOX_SAMPLE_IDS } from '../credentials.ts';
import { apiUserFile } from './api-user-file.ts';
import { createApiUsers } from './api-users.ts';
import { checkLoopbackCallbackUrl } from './loopback-url.ts';
import { createPayments, publicView } from './payments.ts';

const apiUserSchema = z.object({ providerCallbackHost: z.string().min(1).max(255) });

const requestToPaySchema = z.object({
  amount: z.string().regex(/^\d+(\.\d{1,2})?$/, 'a decimal amount as a string, e.g. "5.00"'),
  currency: z.string().regex(/^[A-Z]{3}$/, 'a three-letter currency code'),
  externalId: z.string().min(1).max(100),
  payer: z.object({ partyIdType: z.enum(['MSISDN', 'EMAIL', 'PARTY_CODE']), partyId: z.string().min(1).max(100) }),
  payerMessage: z.string().max(160).optional(),
  payeeNote: z.string().max(160).optional(),
});

function fail(res: ServerResponse, status: number, code: string, message: string): void {
  sendJson(res, status, { code, message });
}

function zodMessage(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || '(body)'}: ${issue.message}`).join('; ');
}

export function momoRoutes(env: SandboxEnvironment): { routes: Route[]; stop: () => void } {
  const credentials = env.credentials.momo;
  const users = createApiUsers(credentials, env.randomBytes, env.momo.usersFile === undefined ? undefined : apiUserFile(env.momo.usersFile, env.log));
  const payments = createPayments({ settleDelayMs: env.momo.settleDelayMs, randomBytes: env.randomBytes, log: env.log });
  payments.seedSettled(SANDBOX_SAMPLE_IDS.momoReferenceId, credentials.apiUser);
  const tokens = createBearerTokens({ prefix: 'momo_', now: env.now, randomBytes: env.randomBytes, lifetimeSeconds: env.tokenLifetimeSeconds });

  /** API Management rejects a missing or wrong subscription key before the API runs. */
  const subscriptionOk = (req: IncomingMessage, res: ServerResponse): boolean => {
    const key = header(req, 'ocp-apim-subscription-key');
    if (key !== undefined && sameText(key, credentials.subscriptionKey)) return true;
    sendJson(res, 401, {
      statusCode: 401,
      message:
        key === undefined
          ? 'Access denied due to missing subscription key. Send Ocp-Apim-Subscription-Key.'
          : 'Access denied due to invalid subscription key. Make sure to provide the sandbox subscription key.',
    });
    return false;
  };

  const referenceIdOk = (req: IncomingMessage, res: ServerResponse): string | undefined => {
    const referenceId = header(req, 'x-reference-id');
    if (referenceId !== undefined && isUuidV4(referenceId)) return referenceId;
    fail(res, 400, 'INVALID_REFERENCE_ID', `X-Reference-Id must be a UUID version 4, got "${referenceId ?? '(none)'}".`);
    return undefined;
  };

  const targetEnvironmentOk = (req: IncomingMessage, res: ServerResponse): boolean => {
    const target = header(req, 'x-target-environment');
    if (target === 'sandbox') return true;
    fail(res, 400, 'INVALID_TARGET_ENVIRONMENT', `X-Target-Environment must be "sandbox", got "${target ?? '(none)'}".`);
    return false;
  };

  const bearerOk = (req: IncomingMessage, res: ServerResponse): string | undefined => {
    const check = tokens.check(header(req, 'authorization'));
    if (check.ok) return check.subject;
    fail(res, 401, 'UNAUTHORIZED', `Rejected: ${check.reason}.`);
    return undefined;
  };

  const createApiUser = async ({ req, res }: RouteContext) => {
    if (!subscriptionOk(req, res)) return;
    const referenceId = referenceIdOk(req, res);
    if (referenceId === undefined) return;
    const body = apiUserSchema.safeParse(await readJsonObject(req));
    if (!body.success) {
      fail(res, 400, 'BAD_REQUEST', `Expected {"providerCallbackHost": string}: ${zodMessage(body.error)}`);
      return;
    }
    if (!users.create(referenceId, body.data.providerCallbackHost)) {
      fail(res, 409, 'RESOURCE_ALREADY_EXIST', `An API user ${referenceId} already exists.`);
      return;
    }
    sendEmpty(res, 201);
  };

  const createApiKey = async ({ req, res, params }: RouteContext) => {
    if (!subscriptionOk(req, res)) return;
    await readBody(req);
    const apiKey = users.newKey(params[0] ?? '');
    if (apiKey === undefined) {
      fail(res, 404, 'RESOURCE_NOT_FOUND', `No API user ${params[0] ?? ''}.`);
      return;
    }
    sendJson(res, 201, { apiKey });
  };

  const getApiUser = ({ req, res, params }: RouteContext) => {
    if (!subscriptionOk(req, res)) return;
    const user = users.get(params[0] ?? '');
    if (!user) {
      fail(res, 404, 'RESOURCE_NOT_FOUND', `No API user ${params[0] ?? ''}.`);
      return;
    }
    sendJson(res, 200, { providerCallbackHost: user.providerCallbackHost, targetEnvironment: 'sandbox' });
  };

  const issueToken = async ({ req, res }: RouteContext) => {
    if (!subscriptionOk(req, res)) return;
    await readBody(req);
    const authorization = header(req, 'authorization');
    const match = authorization === undefined ? null : /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(authorization);
    if (!match?.[1]) {
      sendJson(res, 401, { error: 'login_failed', message: 'Send Authorization: Basic base64(apiUser:apiKey).' });
      return;
    }
    const decoded = Buffer.from(match[1], 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    const apiUser = colon < 0 ? decoded : decoded.slice(0, colon);
    const apiKey = colon < 0 ? '' : decoded.slice(colon + 1);
    const user = users.get(apiUser);
    if (!user) {
      sendJson(res, 401, { error: 'login_failed', message: `The Basic user "${apiUser}" is not a provisioned API user.` });
      return;
    }
    if (!users.keyMatches(user, apiKey, sameText)) {
      sendJson(res, 401, { error: 'login_failed', message: 'The API key does not match this API user (create one with POST /v1_0/apiuser/{id}/apikey).' });
      return;
    }
    const issued = tokens.issue(apiUser.toLowerCase());
    sendJson(res, 200, { access_token: issued.accessToken, token_type: 'access_token', expires_in: issued.expiresIn });
  };

  const requestToPay = async ({ req, res }: RouteContext) => {
    if (!subscriptionOk(req, res)) return;
    const apiUser = bearerOk(req, res);
    if (apiUser === undefined || !targetEnvironmentOk(req, res)) return;
    const referenceId = referenceIdOk(req, res);
    if (referenceId === undefined) return;
    const callbackHeader = header(req, 'x-callback-url');
    let callbackUrl: URL | undefined;
    if (callbackHeader !== undefined && callbackHeader !== '') {
      const check = checkLoopbackCallbackUrl(callbackHeader);
      if (!check.ok) {
        fail(res, 400, 'INVALID_CALLBACK_URL_HOST', `Refused: ${check.reason}.`);
        return;
      }
      callbackUrl = check.url;
    }
    const body = requestToPaySchema.safeParse(await readJsonObject(req));
    if (!body.success) {
      fail(res, 400, 'BAD_REQUEST', zodMessage(body.error));
      return;
    }
    if (!payments.create(referenceId, apiUser, body.data, callbackUrl)) {
      fail(res, 409, 'RESOURCE_ALREADY_EXIST', `A request to pay ${referenceId} already exists.`);
      return;
    }
    sendEmpty(res, 202);
  };

  const requestToPayStatus = ({ req, res, params }: RouteContext) => {
    if (!subscriptionOk(req, res)) return;
    if (bearerOk(req, res) === undefined || !targetEnvironmentOk(req, res)) return;
    const payment = payments.get(params[0] ?? '');
    if (!payment) {
      fail(res, 404, 'RESOURCE_NOT_FOUND', `No request to pay ${params[0] ?? ''}.`);
      return;
    }
    sendJson(res, 200, publicView(payment));
  };

  return {
    routes: [
      { method: 'POST', pattern: /^\/v1_0\/apiuser\/?$/, handler: createApiUser },
      { method: 'POST', pattern: /^\/v1_0\/apiuser\/([^/]+)\/apikey\/?$/, handler: createApiKey },
      { method: 'GET', pattern: /^\/v1_0\/apiuser\/([^/]+)\/?$/, handler: getApiUser },
      { method: 'POST', pattern: /^\/collection\/token\/?$/, handler: issueToken },
      { method: 'POST', pattern: /^\/collection\/v1_0\/requesttopay\/?$/, handler: requestToPay },
      { method: 'GET', pattern: /^\/collection\/v1_0\/requesttopay\/([^/]+)\/?$/, handler: requestToPayStatus },
    ],
    stop: payments.stop,
  };
}
