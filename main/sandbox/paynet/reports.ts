/** Report requests: created pending, ready after a few status polls. */
import { randomHex } from '../ids.ts';

export type ReportStatus = 'PENDING' | 'READY';

export type Report = {
  reportId: string;
  reportType: string;
  sizeBytes: number;
  createdAt: number;
  polls: number;
  status: ReportStatus;
};

export type ReportBook = {
  create: (reportType: string, sizeBytes: number) => Report;
  get: (reportId: string) => Report | undefined;
  /** One status poll: counts it and flips to READY after enough of them. */
  poll: (reportId: string) => Report | undefined;
  /** A report that is READY from the start. */
  seedReady: (reportId: string, reportType: string, sizeBytes: number) => void;
};

export function createReportBook(options: {
  now: () => number;
  randomBytes: (size: number) => Buffer;
  pollsUntilReady: number;
}): ReportBook {
  const reports = new Map<string, Report>();
  return {
    create(reportType, sizeBytes) {
      const report: Report = {
        reportId: `RPT-${randomHex(options.randomBytes, 8).toUpperCase()}`,
        reportType,
        sizeBytes,
        createdAt: options.now(),
        polls: 0,
        status: options.pollsUntilReady <= 0 ? 'READY' : 'PENDING',
      };
      reports.set(report.reportId, report);
      return report;
    },
    get: (reportId) => reports.get(reportId),
    seedReady(reportId, reportType, sizeBytes) {
      reports.set(reportId, { reportId, reportType, sizeBytes, createdAt: options.now(), polls: 0, status: 'READY' });
    },
    poll(reportId) {
      const report = reports.get(reportId);
      if (!report) return undefined;
      report.polls += 1;
      if (report.polls >= options.pollsUntilReady) report.status = 'READY';
      return report;
    },
  };
}
