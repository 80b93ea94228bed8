/**
 * GET /sandbox/files/{sizeBytes}.csv: the same generated CSV as a PayNet
 * report, without any signing, for download tests and throughput benchmarks
 * (e.g. the executor against `curl -o` on the same URL).
 */
import type { SandboxEnvironment } from './environment.ts';
import { sendJson } from './http/respond.ts';
import type { Route } from './http/router.ts';
import { sendCsvReport } from './paynet/send-report.ts';

export function staticFileRoutes(env: SandboxEnvironment): Route[] {
  return [
    {
      method: 'GET',
      pattern: /^\/sandbox\/files\/(\d{1,15})\.csv$/,
      handler: async ({ res, params }) => {
        const sizeBytes = Number(params[0]);
        if (sizeBytes > env.paynet.maxReportBytes) {
          sendJson(res, 400, { error: 'too_large', message: `At most ${env.paynet.maxReportBytes} bytes.` });
          return;
        }
        res.writeHead(200, {
          'content-type': 'text/csv; charset=utf-8',
          'content-length': sizeBytes,
          'content-disposition': `attachment; filename="sandbox-${sizeBytes}.csv"`,
        });
        try {
          await sendCsvReport(res, sizeBytes);
        } catch (error) {
          env.log(`sandbox: file download ended early: ${error instanceof Error ? error.message : String(error)}`);
        }
      },
    },
  ];
}
