import type { CaseResult } from './junit.ts';

/** Per request: how many sends, how many passed, the last status and the median time. */
export function summaryTable(results: readonly CaseResult[]): string {
  const byPath = new Map<string, CaseResult[]>();
  for (const result of results) byPath.set(result.path, [...(byPath.get(result.path) ?? []), result]);
  const rows = [...byPath].map(([path, runs]) => {
    const passed = runs.filter((run) => run.failure === null).length;
    const last = runs.at(-1);
    return [path, String(runs.length), String(passed), String(runs.length - passed), last?.status === null || last === undefined ? '-' : String(last.status), `${median(runs.map((run) => run.ms))} ms`];
  });
  const header = ['Request', 'Sends', 'Passed', 'Failed', 'Status', 'Median'];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: readonly string[]) => cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0))).join('  ');
  return [line(header), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(line)].join('\n') + '\n';
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.floor(sorted.length / 2)] ?? 0);
}
