import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { serviceForEachTest, smallTree } from './helpers.ts';

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures', 'workspace', 'collection-versions');
const fixture = (name: string): string => readFileSync(join(FIXTURES, name), 'utf8');

const current = serviceForEachTest();

/** The bodies of the imported collection's requests, by request name. */
function bodiesOf(collectionId: string): Record<string, unknown> {
  const bodies: Record<string, unknown> = {};
  const walk = (id: string): void => {
    const node = current().get(id);
    if (node.kind === 'request') bodies[node.name] = node.body;
    else for (const child of node.children) walk(child);
  };
  walk(collectionId);
  return bodies;
}

describe('countersign.collection versions', () => {
  it('reads a version 1 file (no flows)', () => {
    const { collectionId } = current().importCollection(fixture('v1.countersign.json'));
    expect(current().get(collectionId).name).toBe('Version one');
    expect(bodiesOf(collectionId)).toEqual({ Pay: { kind: 'form', pairs: [{ name: 'amount', value: '10.00', enabled: true }] } });
  });

  it('reads a version 2 file holding a multipart body (written before the version was bumped)', () => {
    const { collectionId } = current().importCollection(fixture('v2-multipart.countersign.json'));
    expect(bodiesOf(collectionId).Upload).toEqual({
      kind: 'multipart',
      parts: [
        { kind: 'text', name: 'note', value: 'hello', enabled: true },
        { kind: 'file', name: 'report', path: '{{reportDir}}/report.csv', enabled: true, contentType: 'text/csv' },
      ],
    });
  });

  it('reads a version 3 file with multipart and binary bodies', () => {
    const { collectionId } = current().importCollection(fixture('v3.countersign.json'));
    expect(bodiesOf(collectionId)['Put image']).toEqual({ kind: 'binary', path: '/tmp/logo.png', contentType: 'image/png' });
  });

  it('says a file from a newer Countersign is newer, not that it is invalid', () => {
    let caught: unknown;
    try {
      current().importCollection(fixture('v4-newer.countersign.json'));
    } catch (error) {
      caught = error;
    }
    expect((caught as Error).message).toBe('This file is from a newer Countersign (collection format version 4); this one reads versions 1 to 3. Update Countersign to import it.');
    expect((caught as { issues?: unknown }).issues).toBeUndefined();
  });

  it('writes version 3, which the previous release (reading up to 2) reports as newer instead of failing on the body', () => {
    const { collection, pay } = smallTree(current());
    current().updateRequest(pay, { body: { kind: 'binary', path: '/tmp/x.bin', contentType: '' } });
    const file = JSON.parse(current().exportCollection(collection).text) as { version: number; collection: object };
    expect(file.version).toBe(3);
    // Round trip through this version's reader.
    const again = current().importCollection(JSON.stringify({ ...file, collection: { ...file.collection, name: 'Copy' } }));
    expect(bodiesOf(again.collectionId).Pay).toEqual({ kind: 'binary', path: '/tmp/x.bin', contentType: '' });
  });

  it('writes a collection without file bodies as version 2, so the release before them still imports it', () => {
    const { collection } = smallTree(current());
    const file = JSON.parse(current().exportCollection(collection).text) as { version: number; collection: object };
    expect(file.version).toBe(2);
    const again = current().importCollection(JSON.stringify({ ...file, collection: { ...file.collection, name: 'Copy' } }));
    expect(Object.keys(bodiesOf(again.collectionId))).toContain('Pay');
  });
});
