import { describe, expect, it } from 'vitest';
import { generateWorkspace } from '../../../main/workspace/generate.ts';
import { filterTree } from '../../../main/workspace/filter.ts';
import { listTree } from '../../../main/workspace/listing.ts';

describe('filter on a generated 10,000-request workspace', () => {
  const doc = generateWorkspace({ requests: 10_000, collections: 4, foldersPerCollection: 25 });
  const requestCount = Object.values(doc.nodes).filter((node) => node.kind === 'request').length;

  it('generates what it says', () => {
    expect(requestCount).toBe(10_000);
    expect(listTree(doc).entries).toHaveLength(10_000 + 4 + 100);
  });

  it('finds exactly the requests whose name, method or URL match, with their ancestors', () => {
    const result = filterTree(doc, 'invoice-07');
    const expected = Object.values(doc.nodes).filter((node) => node.kind === 'request' && `${node.method} ${node.name} ${node.url}`.toLowerCase().includes('invoice-07'));
    expect(expected.length).toBeGreaterThan(0);
    expect(new Set(result.matches)).toEqual(new Set(expected.map((node) => node.id)));
    const visible = new Set(result.visible);
    for (const node of expected) {
      if (node.kind !== 'request') continue;
      expect(visible.has(node.parentId)).toBe(true);
      const folder = doc.nodes[node.parentId];
      expect(folder?.kind === 'folder' && visible.has(folder.parentId)).toBe(true);
    }
    // Ancestors are listed once and before their descendants.
    expect(new Set(result.visible).size).toBe(result.visible.length);
    const order = listTree(doc).entries.map((entry) => entry.id);
    const positions = result.visible.map((id) => order.indexOf(id));
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('is case-insensitive, matches methods, and needs every term', () => {
    const deletes = filterTree(doc, 'DELETE').matches.length;
    expect(deletes).toBe(Object.values(doc.nodes).filter((node) => node.kind === 'request' && node.method === 'DELETE').length);
    const both = filterTree(doc, 'delete invoice-07');
    expect(both.matches.length).toBeLessThan(deletes);
    expect(both.matches.every((id) => { const node = doc.nodes[id]; return node?.kind === 'request' && node.method === 'DELETE'; })).toBe(true);
  });

  it('shows everything for an empty filter and nothing for a miss', () => {
    expect(filterTree(doc, '  ').matches).toHaveLength(10_000 + 4 + 100);
    expect(filterTree(doc, 'no-such-thing-anywhere')).toEqual({ matches: [], visible: [] });
  });

  it('matches folder names and shows the folder with its collection', () => {
    const result = filterTree(doc, 'folder 3-7');
    const folder = Object.values(doc.nodes).find((node) => node.kind === 'folder' && node.name === 'Folder 3-7');
    expect(result.matches).toEqual([folder?.id]);
    expect(result.visible).toHaveLength(2);
  });
});
