/**
 * Workspace figures for 10,000 requests: load from disk (parse, migrate,
 * validate), sidebar listing, filter per keystroke, and one saved edit.
 * Run: node scripts/bench/workspace.ts
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { filterTree } from '../../main/workspace/filter.ts';
import { generateWorkspace } from '../../main/workspace/generate.ts';
import { sequentialIds } from '../../main/workspace/ids.ts';
import { WorkspaceService } from '../../main/workspace/workspace-service.ts';
import { createWorkspaceFileStore } from '../../main/workspace/workspace-store.ts';

const RUNS = 7;
const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
const p95 = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length * 0.95)] ?? Number.NaN;
const ms = (value: number): string => `${value.toFixed(1)} ms`;

function time(run: () => void): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

const dir = mkdtempSync(join(tmpdir(), 'countersign-bench-'));
try {
  const doc = generateWorkspace({ requests: 10_000, collections: 4, foldersPerCollection: 25 });
  createWorkspaceFileStore(dir).save(doc);
  const bytes = statSync(join(dir, 'workspace.json')).size;

  const loads: number[] = [];
  let service: WorkspaceService | undefined;
  for (let i = 0; i < RUNS; i++) loads.push(time(() => (service = new WorkspaceService({ store: createWorkspaceFileStore(dir), ids: sequentialIds('b') }))));
  if (!service) throw new Error('no service');
  const loaded = service;

  const listings: number[] = [];
  for (let i = 0; i < RUNS; i++) listings.push(time(() => loaded.tree()));

  const typed = 'post invoice-04';
  const keystrokes: number[] = [];
  for (let i = 0; i < RUNS; i++) for (let n = 1; n <= typed.length; n++) keystrokes.push(time(() => filterTree(loaded.document, typed.slice(0, n))));

  const requestId = Object.values(loaded.document.nodes).find((node) => node.kind === 'request')?.id ?? '';
  const edits: number[] = [];
  for (let i = 0; i < RUNS; i++) edits.push(time(() => loaded.rename(requestId, `renamed ${String(i)}`)));

  console.log(`workspace: 10,000 requests in 100 folders, 4 collections; file ${(bytes / 1024 / 1024).toFixed(1)} MiB; node ${process.version}; median of ${String(RUNS)} runs`);
  console.log(`load from disk (read, migrate, validate): first ${ms(loads[0] ?? Number.NaN)} (cold), median ${ms(median(loads))}, max ${ms(Math.max(...loads))}; target <= 300 ms`);
  console.log(`sidebar listing (10,104 entries): ${ms(median(listings))}`);
  console.log(`filter per keystroke, typing "${typed}": median ${ms(median(keystrokes))}, p95 ${ms(p95(keystrokes))}, max ${ms(Math.max(...keystrokes))} (${String(keystrokes.length)} keystrokes); target <= 30 ms`);
  console.log(`one edit saved to disk (rename): ${ms(median(edits))}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
