import type { HttpProgress } from '../contract/http.ts';
import { formatBytes } from './outcome.ts';

const WIDTH = 24;

/** One redrawn line on stderr: a bar when the size is known, bytes and rate otherwise. */
export function progressLine(progress: HttpProgress): string {
  const rate = `${formatBytes(Math.round(progress.rate))}/s`;
  if (progress.total === undefined || progress.total === 0) return `\r${formatBytes(progress.bytes)}  ${rate}`;
  const share = Math.min(1, progress.bytes / progress.total);
  const filled = Math.round(share * WIDTH);
  return `\r[${'#'.repeat(filled)}${' '.repeat(WIDTH - filled)}] ${String(Math.round(share * 100)).padStart(3)}%  ${formatBytes(progress.bytes)}  ${rate}`;
}
