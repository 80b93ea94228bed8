/**
 * Elecsnet (PaynetEasy style), two-legged OAuth 1.0a over form bodies:
 *   POST /paynet/api/v2/{operation}/{endpointId}          signed transaction call
 *   PUT|POST /sandbox/elecsnet/merchants/{login}/public-key register a PEM public key
 *   GET  /sandbox/elecsnet/merchants/{login}/public-key     what is registered
 * Answers are "name=value" lines, like the gateway's own responses.
 */
import type { ServerResponse } from 'node:http';
import type { SandboxEnvironment } from '../environment.ts';
import { mediaType, readBody, requireMediaType } from '../http/body.ts';
import { header } from '../http/header.ts';
import { sendJson, sendText } from '../http/respond.ts';
import type { Route, RouteContext } from '../http/router.ts';
import { randomHex, uuidV4 } from '../ids.ts';
import { parseFormParams } from './form-params.ts';
import { createMerchantKeys, parseRsaPublicKey } from './merchant-keys.ts';
import { createNonceGuard } from './nonces.ts';
import { verifyOAuthRequest } from './verify-oauth.ts';

function sendLines(res: ServerResponse, status: number, lines: Record<string, string>): void {
  // Values are written raw on their own line; strip line breaks so a value cannot forge another line.
  const text = Object.entries(lines).map(([name, value]) => `${name}=${value.replace(/[\r\n]+/g, ' ')}\n`).join('');
  sendText(res, status, text);
}

/** The `publicKeyPem` field of a JSON body, or "" (which then fails key parsing with a clear reason). */
function pemFromJson(raw: string): string {
  try {
    const parsed: unknown = JSON.parse(raw);
    const candidate = typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>).publicKeyPem : undefined;
    return typeof candidate === 'string' ? candidate : '';
  } catch {
    return '';
  }
}

export function elecsnetRoutes(env: SandboxEnvironment): Route[] {
  const merchant = env.credentials.elecsnet;
  const keys = createMerchantKeys({ [merchant.login]: merchant.publicKeyPem });
  const nonces = createNonceGuard(env.now, env.timestampToleranceSeconds);

  const transaction = async ({ req, res, url, params }: RouteContext) => {
    requireMediaType(req, 'application/x-www-form-urlencoded');
    const body = parseFormParams((await readBody(req)).toString('utf8'));
    const verdict = verifyOAuthRequest(
      {
        authorization: header(req, 'authorization'),
        host: header(req, 'host') ?? '127.0.0.1',
        // The base string starts with the scheme the request came over (a sandbox started with tls is https).
        scheme: 'encrypted' in req.socket && req.socket.encrypted === true ? 'https' : 'http',
        path: url.pathname,
        query: parseFormParams(url.search.slice(1)),
        body,
      },
      { merchant, keys, nonces, nowMs: env.now(), toleranceSeconds: env.timestampToleranceSeconds, ...(env.faults.encoding ? { encoding: env.faults.encoding } : {}) },
    );
    if (!verdict.ok) {
      sendLines(res, 403, {
        type: 'validation-error',
        'error-message': `OAuth rejected: ${verdict.reason}.`,
        ...(verdict.debug
          ? {
              'sandbox-signature-method': verdict.debug.signatureMethod,
              'sandbox-key': verdict.debug.key,
              'sandbox-normalized-parameters': verdict.debug.normalizedParameters,
              'sandbox-signature-base-string': verdict.debug.signatureBaseString,
            }
          : {}),
      });
      return;
    }
    const orderId = body.find(([name]) => name === 'client_orderid')?.[1] ?? '';
    sendLines(res, 200, {
      type: 'async-response',
      'serial-number': uuidV4(env.randomBytes),
      'merchant-order-id': orderId,
      'paynet-order-id': String(Number.parseInt(randomHex(env.randomBytes, 3), 16)),
      'end-point-id': params[1] ?? '',
      operation: params[0] ?? '',
      'signature-method': verdict.signatureMethod,
    });
  };

  const registerKey = async ({ req, res, params }: RouteContext) => {
    const login = params[0] ?? '';
    if (login !== merchant.login) {
      sendJson(res, 404, { error: 'not_found', message: `No sandbox merchant "${login}".` });
      return;
    }
    const raw = (await readBody(req)).toString('utf8');
    let pem = raw;
    if (mediaType(req) === 'application/json') pem = pemFromJson(raw);
    const check = parseRsaPublicKey(pem);
    if (!check.ok) {
      sendJson(res, 400, { error: 'invalid_key', message: `Not registered: ${check.reason}.` });
      return;
    }
    keys.set(login, check.registered);
    env.log(`elecsnet: registered a ${check.registered.modulusBits}-bit key for ${login} (${check.registered.fingerprintSha256})`);
    sendJson(res, 200, { login, modulusBits: check.registered.modulusBits, fingerprintSha256: check.registered.fingerprintSha256 });
  };

  const showKey = ({ res, params }: RouteContext) => {
    const login = params[0] ?? '';
    const registered = keys.get(login);
    if (!registered) {
      sendJson(res, 404, { error: 'not_found', message: `No key registered for "${login}".` });
      return;
    }
    sendJson(res, 200, { login, modulusBits: registered.modulusBits, fingerprintSha256: registered.fingerprintSha256, publicKeyPem: registered.pem });
  };

  const keyPath = /^\/sandbox\/elecsnet\/merchants\/([^/]+)\/public-key\/?$/;
  return [
    { method: 'POST', pattern: /^\/paynet\/api\/v2\/([a-z][a-z-]*)\/(\d+)\/?$/, handler: transaction },
    { method: 'PUT', pattern: keyPath, handler: registerKey },
    { method: 'POST', pattern: keyPath, handler: registerKey },
    { method: 'GET', pattern: keyPath, handler: showKey },
  ];
}
