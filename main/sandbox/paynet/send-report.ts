/**
 * Writes a generated report to the response through a small pool of reused
 * buffers: a buffer is refilled only after the socket reports it written, so
 * memory stays flat (no per-chunk garbage) whatever the report size.
 */
import type { ServerResponse } from 'node:http';
import { finished } from 'node:stream/promises';
import { createCsvReport } from './csv-report.ts';

const BUFFER_BYTES = 256 * 1024;
const POOL_SIZE = 4;

export function sendCsvReport(res: ServerResponse, sizeBytes: number): Promise<void> {
  const report = createCsvReport(sizeBytes);
  const free: Buffer[] = Array.from({ length: POOL_SIZE }, () => Buffer.allocUnsafe(BUFFER_BYTES));
  let wake: (() => void) | undefined;
  let closed = false;
  const nudge = () => {
    const resume = wake;
    wake = undefined;
    resume?.();
  };
  const waitForWake = () => new Promise<void>((resolve) => (wake = resolve));
  res.on('close', () => {
    closed = true;
    nudge();
  });
  res.on('drain', nudge);

  return (async () => {
    for (;;) {
      while (!closed && (free.length === 0 || res.writableNeedDrain)) await waitForWake();
      if (closed) throw new Error('the client closed the connection before the report was complete');
      const buffer = free.pop();
      if (!buffer) continue;
      const length = report.fill(buffer);
      if (length === 0) break;
      res.write(buffer.subarray(0, length), () => {
        free.push(buffer);
        nudge();
      });
    }
    res.end();
    await finished(res);
  })();
}
