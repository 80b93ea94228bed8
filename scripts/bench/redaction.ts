/**
 * What the secret ledger adds at the door for the 10,000-request workspace:
 * the dispatcher walks every output with it, so this times the walk over the
 * sidebar listing (workspace:tree) and over the whole document, with an empty
 * ledger and with 50 secrets known (about 600 encoded forms).
 * Run: node scripts/bench/redaction.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Redactor } from '../../main/core/redactor.ts';
import { generateWorkspace } from '../../main/workspace/generate.ts';
import { sequentialIds } from '../../main/workspace/ids.ts';
import { WorkspaceService } from '../../main/workspace/workspace-service.ts';
import { createWorkspaceFileStore } from '../../main/workspace/workspace-store.ts';

const RUNS = 7;
const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
const ms = (value: number): string => `${value.toFixed(1)} ms`;

function time(run: () => void): number {
  const start = performance.now();
  run();
  return performance.now() - start;
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

console.log(`redaction walk over the 10,000-request workspace; node ${process.version}; median of ${String(RUNS)} runs`);
for (const [label, ledger] of [
  ['empty ledger', empty],
  ['50 secrets', full],
] as const) {
  const trees: number[] = [];
  const docs: number[] = [];
  for (let i = 0; i < RUNS; i++) trees.push(time(() => ledger.redactDeep(tree)));
  for (let i = 0; i < RUNS; i++) docs.push(time(() => ledger.redactDeep(doc)));
  console.log(`${label}: workspace:tree (${String(tree.entries.length)} entries) ${ms(median(trees))}; whole document ${ms(median(docs))}`);
}
