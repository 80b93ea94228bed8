import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { WorkspaceDocument } from '../../../main/contract/workspace.ts';
import { sequentialIds } from '../../../main/workspace/ids.ts';
import { buildSampleWorkspace } from '../../../main/workspace/samples/sample-workspace.ts';

/** A temporary folder removed by the returned function. */
export function tempDir(prefix = 'cs-folder-'): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Every file under `dir` (but .git), relative path -> bytes as text. */
export function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (current: string) => {
    for (const name of readdirSync(current).sort()) {
      if (name === '.git') continue;
      const full = join(current, name);
      if (statSync(full).isDirectory()) walk(full);
      else out.set(relative(dir, full).split('\\').join('/'), readFileSync(full, 'utf8'));
    }
  };
  walk(dir);
  return out;
}

export const samples = (): WorkspaceDocument => buildSampleWorkspace({ sandboxPort: 0, ids: sequentialIds('n') });

export function requestByName(doc: WorkspaceDocument, name: string) {
  const node = Object.values(doc.nodes).find((candidate) => candidate.kind === 'request' && candidate.name === name);
  if (node?.kind !== 'request') throw new Error(`no request ${name}`);
  return node;
}
