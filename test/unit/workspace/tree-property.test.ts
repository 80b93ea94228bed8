import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { WorkspaceDocument } from '../../../main/contract/workspace.ts';
import { deleteNode, restoreSubtree, type DeletedSubtree } from '../../../main/workspace/delete.ts';
import { emptyDocument, subtreeIds } from '../../../main/workspace/document.ts';
import { duplicateNode } from '../../../main/workspace/duplicate.ts';
import { sequentialIds } from '../../../main/workspace/ids.ts';
import { createNode, moveNode } from '../../../main/workspace/tree-edit.ts';

/** Every node reachable exactly once from the collection list, with parent ids matching the child lists. */
function checkInvariants(doc: WorkspaceDocument): void {
  const seen: string[] = [];
  for (const collectionId of doc.collections) {
    for (const id of subtreeIds(doc, collectionId)) {
      seen.push(id);
      const node = doc.nodes[id];
      if (node && node.kind !== 'request') {
        for (const child of node.children) {
          const childNode = doc.nodes[child];
          expect(childNode && childNode.kind !== 'collection' && childNode.parentId).toBe(id);
        }
      }
    }
  }
  expect(new Set(seen).size).toBe(seen.length);
  expect(new Set(seen)).toEqual(new Set(Object.keys(doc.nodes)));
}

const op = fc.record({ kind: fc.constantFrom('folder', 'request', 'duplicate', 'move', 'delete', 'undo'), a: fc.nat(), b: fc.nat(), index: fc.nat(5) });

describe('tree operations keep the tree whole', () => {
  it('after any sequence of create, duplicate, move, delete and undo', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 40 }), (ops) => {
        const doc = emptyDocument();
        const ids = sequentialIds('t');
        createNode(doc, ids, { kind: 'collection', name: 'A' });
        createNode(doc, ids, { kind: 'collection', name: 'B' });
        const undo: DeletedSubtree[] = [];
        for (const step of ops) {
          const all = Object.keys(doc.nodes);
          const containers = all.filter((id) => doc.nodes[id]?.kind !== 'request');
          const pick = (list: string[], n: number): string | undefined => list[n % Math.max(list.length, 1)];
          const a = pick(all, step.a);
          const container = pick(containers, step.b);
          const before = JSON.stringify(doc);
          try {
            if (step.kind === 'folder' && container) createNode(doc, ids, { kind: 'folder', parentId: container, name: 'f', index: step.index });
            if (step.kind === 'request' && container) createNode(doc, ids, { kind: 'request', parentId: container, name: 'r', index: step.index });
            if (step.kind === 'duplicate' && a) duplicateNode(doc, ids, a);
            if (step.kind === 'move' && a) moveNode(doc, a, doc.nodes[a]?.kind === 'collection' ? null : (container ?? null), step.index);
            if (step.kind === 'delete' && a) undo.push(deleteNode(doc, a));
            if (step.kind === 'undo' && undo.length > 0) {
              // Any earlier deletion, not only the last, as undo tokens allow.
              const [chosen] = undo.splice(step.a % undo.length, 1);
              if (chosen) restoreSubtree(doc, chosen);
            }
          } catch (error) {
            // Refused operations (a move into itself, a restore into a deleted parent) must change nothing.
            expect((error as { name?: string }).name).toBe('ServiceError');
            expect(JSON.stringify(doc)).toBe(before);
          }
          checkInvariants(doc);
        }
      }),
      { numRuns: 200 },
    );
  });
});
