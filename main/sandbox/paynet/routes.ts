/**
 * PayNet One Stop Portal (OSP) reports API, emulated under /osp:
 *   POST /osp/token (also /osp/oauth/token)      client-credentials token
 *   POST /osp/api/v1/reports                      request a report (202, PENDING)
 *   GET  /osp/api/v1/reports/{id}                 status: PENDING, READY after a few polls
 *   GET  /osp/api/v1/reports/{id}/download        the CSV, streamed
 * Every call after the token must carry Bearer, X-Timestamp and X-Signature.
 */
import type { ServerResponse } from 'node:http';
import { z } from 'zod';
import { createBearerTokens } from '../bearer-tokens.ts';
import { SANDBOX_SAMPLE_IDS } from '../credentials.ts';
import { sameText } from '../compare.ts';
import type { SandboxEnvironment } from '../environment.ts';
import { readBody, readJsonObject, requireMediaType } from '../http/body.ts';
import { sendJson } from '../http/respond.ts';
import type { Route, RouteContext } from '../http/router.ts';
import { createReportBook, type Report } from './reports.ts';
import { sendCsvReport } from './send-report.ts';
import { checkPaynetSignedRequest } from './signed-request.ts';
import { FAULT_SECRETS } from '../faults.ts';

export const PAYNET_PREFIX = '/osp';

const reportRequestSchema = z.object({
  reportType: z.string().min(1).max(100),
  sizeBytes: z.number().int().nonnegative(),
});

function tokenError(res: ServerResponse, status: number, error: string, description: string): void {
  sendJson(res, status, { error, error_description: description });
}

function describeReport(report: Report, mount: string): Record<string, unknown> {
  return {
    reportId: report.reportId,
    reportType: report.reportType,
    status: report.status,
    sizeBytes: report.sizeBytes,
    ...(report.status === 'READY' ? { downloadUrl: `${mount}${PAYNET_PREFIX}/api/v1/reports/${report.reportId}/download` } : {}),
  };
}

export function paynetRoutes(env: SandboxEnvironment): Route[] {
  const credentials = env.credentials.paynet;
  const tokens = createBearerTokens({
    prefix: 'osp_',
    now: env.now,
    randomBytes: env.randomBytes,
    lifetimeSeconds: env.tokenLifetimeSeconds,
  });
  const reports = createReportBook({ now: env.now, randomBytes: env.randomBytes, pollsUntilReady: env.paynet.pollsUntilReady });
  reports.seedReady(SANDBOX_SAMPLE_IDS.paynetReportId, 'settlement', 64 * 1024);

  const issueToken = async ({ req, res }: RouteContext) => {
    requireMediaType(req, 'application/x-www-form-urlencoded');
    const form = new URLSearchParams((await readBody(req)).toString('utf8'));
    const grantType = form.get('grant_type');
    if (grantType !== 'client_credentials') {
      tokenError(res, 400, 'unsupported_grant_type', `grant_type must be "client_credentials", not "${grantType ?? '(none)'}".`);
      return;
    }
    const clientId = form.get('client_id');
    const clientSecret = form.get('client_secret');
    if (clientId === null || clientSecret === null) {
      tokenError(res, 400, 'invalid_request', 'The form body needs client_id and client_secret.');
      return;
    }
    if (clientId !== credentials.clientId) {
      tokenError(res, 401, 'invalid_client', `Unknown client_id "${clientId}".`);
      return;
    }
    if (!sameText(clientSecret, credentials.clientSecret)) {
      tokenError(res, 401, 'invalid_client', 'The client_secret does not match this client_id.');
      return;
    }
    const issued = tokens.issue(clientId);
    sendJson(res, 200, { access_token: issued.accessToken, token_type: 'Bearer', expires_in: issued.expiresIn }, { 'cache-control': 'no-store' });
  };

  /** Runs the SSO checks; answers 401 and returns false when they fail. */
  const signedOk = ({ req, res }: RouteContext): boolean => {
    const rejection = checkPaynetSignedRequest(req, {
      tokens,
      clientSecret: credentials.clientSecret,
      nowMs: env.now(),
      toleranceSeconds: env.timestampToleranceSeconds,
      fault:
        env.faults.paynetSignature === undefined
          ? undefined
          : { input: env.faults.paynetSignature, clientId: credentials.clientId, otherSecret: FAULT_SECRETS.paynetSignatureSecret },
    });
    if (!rejection) return true;
    sendJson(res, 401, rejection, rejection.error === 'invalid_token' ? { 'www-authenticate': 'Bearer error="invalid_token"' } : {});
    return false;
  };

  const createReport = async (context: RouteContext) => {
    if (!signedOk(context)) return;
    const { req, res } = context;
    requireMediaType(req, 'application/json');
    const parsed = reportRequestSchema.safeParse(await readJsonObject(req));
    if (!parsed.success) {
      sendJson(res, 400, { error: 'invalid_request', message: `Expected {"reportType": string, "sizeBytes": whole number}: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}` });
      return;
    }
    if (parsed.data.sizeBytes > env.paynet.maxReportBytes) {
      sendJson(res, 400, { error: 'invalid_request', message: `sizeBytes may be at most ${env.paynet.maxReportBytes}.` });
      return;
    }
    const report = reports.create(parsed.data.reportType, parsed.data.sizeBytes);
    sendJson(res, 202, describeReport(report, env.mounts.paynet), { location: `${env.mounts.paynet}${PAYNET_PREFIX}/api/v1/reports/${report.reportId}` });
  };

  const reportStatus = (context: RouteContext) => {
    if (!signedOk(context)) return;
    const report = reports.poll(context.params[0] ?? '');
    if (!report) {
      sendJson(context.res, 404, { error: 'not_found', message: `No report "${context.params[0] ?? ''}".` });
      return;
    }
    sendJson(context.res, 200, describeReport(report, env.mounts.paynet));
  };

  const downloadReport = async (context: RouteContext) => {
    if (!signedOk(context)) return;
    const { res, params } = context;
    const report = reports.get(params[0] ?? '');
    if (!report) {
      sendJson(res, 404, { error: 'not_found', message: `No report "${params[0] ?? ''}".` });
      return;
    }
    if (report.status !== 'READY') {
      sendJson(res, 409, { error: 'not_ready', message: 'The report is still PENDING: poll its status until READY.' });
      return;
    }
    res.writeHead(200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-length': report.sizeBytes,
      'content-disposition': `attachment; filename="${report.reportId}.csv"`,
    });
    try {
      await sendCsvReport(res, report.sizeBytes);
    } catch (error) {
      // A client that hangs up mid-download is normal; nothing to answer.
      env.log(`paynet: download of ${report.reportId} ended early: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  return [
    { method: 'POST', pattern: /^\/osp\/(?:oauth\/)?token\/?$/, handler: issueToken },
    { method: 'POST', pattern: /^\/osp\/api\/v1\/reports\/?$/, handler: createReport },
    { method: 'GET', pattern: /^\/osp\/api\/v1\/reports\/([A-Za-z0-9-]+)\/?$/, handler: reportStatus },
    { method: 'GET', pattern: /^\/osp\/api\/v1\/reports\/([A-Za-z0-9-]+)\/download\/?$/, handler: downloadReport },
  ];
}
