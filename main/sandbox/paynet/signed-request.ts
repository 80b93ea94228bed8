/**
 * The PayNet SSO checks on every call after the token: a live bearer token,
 * a fresh X-Timestamp and X-Signature = hex HMAC-SHA256(client secret, timestamp).
 * Verified here with node:crypto directly, independent of the app's signer.
 */
import { createHmac } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { BearerTokens } from '../bearer-tokens.ts';
import { sameText } from '../compare.ts';
import { header } from '../http/header.ts';
import { checkUnixTimestamp } from '../timestamp.ts';

export type PaynetRejection = {
  error: 'invalid_token' | 'invalid_timestamp' | 'invalid_signature';
  message: string;
  /** Sandbox-only debugging aid: what the sandbox saw and signed. */
  sandboxDebug: Record<string, string | number | boolean>;
};

export function expectedXSignature(clientSecret: string, timestamp: string): string {
  return createHmac('sha256', clientSecret).update(timestamp, 'utf8').digest('hex');
}

export function checkPaynetSignedRequest(
  req: IncomingMessage,
  context: {
    tokens: BearerTokens;
    clientSecret: string;
    nowMs: number;
    toleranceSeconds: number;
    /** TEST ONLY (sandbox faults): verify over another input, as a misconfigured deployment would. */
    fault?: { input: 'timestamp-ms' | 'client-id-key' | 'other-secret'; clientId: string; otherSecret: string } | undefined;
  },
): PaynetRejection | undefined {
  const bearer = context.tokens.check(header(req, 'authorization'));
  if (!bearer.ok) return { error: 'invalid_token', message: `Rejected: ${bearer.reason}.`, sandboxDebug: {} };

  const timestamp = header(req, 'x-timestamp');
  const sandboxNow = Math.floor(context.nowMs / 1000);
  const freshness = checkUnixTimestamp(timestamp, context.nowMs, context.toleranceSeconds);
  if (!freshness.ok) {
    return {
      error: 'invalid_timestamp',
      message: `Rejected: X-Timestamp: ${freshness.reason}.`,
      sandboxDebug: {
        timestampSeen: timestamp ?? '(none)',
        sandboxTime: sandboxNow,
        stale: freshness.stale,
        ...(freshness.skewSeconds === undefined ? {} : { skewSeconds: freshness.skewSeconds }),
      },
    };
  }

  const signature = header(req, 'x-signature');
  const ts = timestamp ?? '';
  const fault = context.fault;
  const expected =
    fault === undefined
      ? expectedXSignature(context.clientSecret, ts)
      : fault.input === 'timestamp-ms'
        ? expectedXSignature(context.clientSecret, `${ts}000`)
        : expectedXSignature(fault.input === 'client-id-key' ? fault.clientId : fault.otherSecret, ts);
  if (signature === undefined || !sameText(signature.trim().toLowerCase(), expected)) {
    return {
      error: 'invalid_signature',
      message:
        signature === undefined
          ? 'Rejected: the X-Signature header is missing.'
          : 'Rejected: X-Signature is not the hex HMAC-SHA256 of the X-Timestamp value keyed with the client secret.',
      sandboxDebug: {
        timestampSeen: ts,
        stringSigned: ts,
        stale: false,
        skewSeconds: freshness.skewSeconds,
        signatureReceived: signature ?? '(none)',
        // What the sandbox computed, as a gateway's debug log would show it: paste it into the signature debugger.
        signatureExpected: expected,
        algorithm: 'HMAC-SHA256, hex, key = client secret, message = X-Timestamp',
      },
    };
  }
  return undefined;
}
