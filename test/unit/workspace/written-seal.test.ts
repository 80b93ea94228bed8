import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { schemaFingerprint } from '../../../main/workspace/schema-fingerprint.ts';
import { createWorkspaceFileStore } from '../../../main/workspace/workspace-store.ts';
import { sealWritten } from '../../../main/workspace/written-seal.ts';
import { openService, smallTree, tempDir, type TempDir } from './helpers.ts';

let temp: TempDir;
beforeEach(() => {
  temp = tempDir();
});
afterEach(() => temp.cleanup());

/** workspace.json holding a request whose description is a number, which the stored schema refuses, sealed with `fingerprint`. */
function writeBadSealed(fingerprint: string): string {
  const service = openService(temp.dir);
  const { ping } = smallTree(service);
  const file = join(temp.dir, 'workspace.json');
  const stored = JSON.parse(readFileSync(file, 'utf8')) as { document: { nodes: Record<string, { description?: unknown }> } };
  const request = stored.document.nodes[ping];
  if (request === undefined) throw new Error('the small tree has no ping request');
  request.description = 42;
  // Re-sealed after the change: what an older Countersign, whose schema let this through, would have written.
  writeFileSync(file, sealWritten(JSON.stringify({ document: stored.document }), fingerprint));
  return ping;
}

describe('workspace.json seal keyed to the schema', () => {
  it('a seal made under the current schema skips the full check (what the fingerprint guards)', () => {
    writeBadSealed(schemaFingerprint());
    expect(createWorkspaceFileStore(temp.dir).load()).toMatchObject({ kind: 'loaded' });
  });

  it('a seal made under another schema fingerprint is checked in full and the bad field is found', () => {
    const ping = writeBadSealed('0'.repeat(64));
    const outcome = createWorkspaceFileStore(temp.dir).load();
    expect(outcome.kind).toBe('set-aside');
    expect(outcome.kind === 'set-aside' && outcome.problem).toContain(`nodes.${ping}.description`);
  });

  it('a stricter schema has another fingerprint, and the fingerprint is stable', () => {
    const loose = z.object({ name: z.string() });
    const strict = z.object({ name: z.string().max(64) });
    expect(schemaFingerprint(loose)).not.toBe(schemaFingerprint(strict));
    expect(schemaFingerprint(loose)).toBe(schemaFingerprint(z.object({ name: z.string() })));
    expect(schemaFingerprint()).toMatch(/^[0-9a-f]{64}$/);
  });

  it('a schema with no JSON form gets a fingerprint no seal matches, so files are checked in full', () => {
    const broken = {} as z.ZodType;
    const first = schemaFingerprint(broken);
    expect(first).not.toBe(schemaFingerprint(broken));
    expect(first).not.toBe(schemaFingerprint());
  });

  it('a file this version wrote still loads sealed after a save', () => {
    const service = openService(temp.dir);
    smallTree(service);
    const text = readFileSync(join(temp.dir, 'workspace.json'), 'utf8');
    expect(text.startsWith('{"sealed":"')).toBe(true);
    expect(createWorkspaceFileStore(temp.dir).load().kind).toBe('loaded');
  });
});
