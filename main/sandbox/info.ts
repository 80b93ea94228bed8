/** GET /sandbox: what the sandbox emulates and where (for people and the app). */
import { sendJson } from './http/respond.ts';
import type { Route } from './http/router.ts';

const DESCRIPTION = {
  name: 'Countersign sandbox',
  unsigned: ['GET /sandbox/files/{sizeBytes}.csv', 'GET /sandbox/health'],
  gateways: {
    paynet: ['POST /osp/token', 'POST /osp/api/v1/reports', 'GET /osp/api/v1/reports/{reportId}', 'GET /osp/api/v1/reports/{reportId}/download'],
    momo: [
      'POST /v1_0/apiuser',
      'POST /v1_0/apiuser/{apiUser}/apikey',
      'GET /v1_0/apiuser/{apiUser}',
      'POST /collection/token/',
      'POST /collection/v1_0/requesttopay',
      'GET /collection/v1_0/requesttopay/{referenceId}',
    ],
    centagate: ['POST /v2/CentagateWS/webresources/auth/authQRCode'],
    elecsnet: ['POST /paynet/api/v2/{operation}/{endpointId}', 'PUT /sandbox/elecsnet/merchants/{login}/public-key', 'GET /sandbox/elecsnet/merchants/{login}/public-key'],
  },
};

export function infoRoutes(): Route[] {
  return [
    { method: 'GET', pattern: /^\/sandbox\/?$/, handler: ({ res }) => sendJson(res, 200, DESCRIPTION) },
    { method: 'GET', pattern: /^\/sandbox\/health\/?$/, handler: ({ res }) => sendJson(res, 200, { ok: true }) },
  ];
}
