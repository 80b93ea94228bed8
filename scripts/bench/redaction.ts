/**
 * What the secret ledger adds at the door for the 10,000-request workspace:
 * the dispatcher walks every output with it, so this times the walk over the
 * sidebar listing (workspace:tree) and over the whole document, with an empty
 * ledger and with 50 secrets known (about 600 encoded forms).
 *
 * Each figure is the median of RUNS walks after WARM_UP untimed ones (the
 * first walk builds the matcher and runs unoptimized code), timed in this
 * process's CPU time: with 7 cold wall-clock runs the tree row moved between
 * 1.7 and 5.6 ms on the same code, with the machine's load.
 * Run: node scripts/bench/redaction.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redactor } from '../../main/core/redactor.ts';
import { generateWorkspace } from '../../main/workspace/generate.ts';
import { sequentialIds } from '../../main/workspace/ids.ts';
import { WorkspaceService } from '../../main/workspace/workspace-service.ts';
import { createWorkspaceFileStore } from '../../main/workspace/workspace-store.ts';

const RUNS = 21;
const WARM_UP = 5;
const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
const ms = (value: number): string => `${value.toFixed(1)} ms`;

/** CPU milliseconds one run took. */
function time(run: () => void): number {
  const start = process.cpuUsage();
  run();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/** Median of RUNS timed runs after WARM_UP untimed ones. */
function medianTime(run: () => void): number {
  for (let i = 0; i < WARM_UP; i++) run();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) times.push(time(run));
  return median(times);
}

const dir = mkdtempSync(join(tmpdir(), 'countersign-bench-'));
const store = createWorkspaceFileStore(dir);
store.save(generateWorkspace({ requests: 10_000, collections: 4, foldersPerCollection: 25 }));
const service = new WorkspaceService({ store, ids: sequentialIds('b') });
rmSync(dir, { recursive: true, force: true });
const doc = service.document;
const tree = service.tree();

const empty = new Redactor();
const full = new Redactor();
for (let i = 0; i < 50; i++) full.add(`sk_live_${String(i).padStart(2, '0')}_${'x'.repeat(20)}/+=`);

const load = (): string => loadavg().map((l) => l.toFixed(2)).join(' ');
console.log(`redaction walk over the 10,000-request workspace; node ${process.version}; CPU time, median of ${String(RUNS)} runs after ${String(WARM_UP)} untimed; load average ${load()}`);
for (const [label, ledger] of [
  ['empty ledger', empty],
  ['50 secrets', full],
] as const) {
  const trees = medianTime(() => ledger.redactDeep(tree));
  const docs = medianTime(() => ledger.redactDeep(doc));
  console.log(`${label}: workspace:tree (${String(tree.entries.length)} entries) ${ms(trees)}; whole document ${ms(docs)}`);
}
