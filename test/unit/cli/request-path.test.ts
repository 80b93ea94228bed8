import { describe, expect, it } from 'vitest';
import type { TreeListing } from '../../../main/contract/workspace.ts';
import { EXIT } from '../../../main/cli/exit-codes.ts';
import { CliError } from '../../../main/cli/io.ts';
import { closeMatches, collectionIdOf, findContainer, findRequestByPath, requestPaths } from '../../../main/cli/request-path.ts';

const tree: TreeListing = {
  collections: ['c1', 'c2'],
  entries: [
    { id: 'c1', kind: 'collection', name: 'PayNet OSP', parentId: null, children: ['f1', 'r1'] },
    { id: 'f1', kind: 'folder', name: 'Reports', parentId: 'c1', children: ['r2', 'r3'] },
    { id: 'r2', kind: 'request', name: 'Daily', parentId: 'f1', method: 'GET' },
    { id: 'r3', kind: 'request', name: 'In/Out', parentId: 'f1', method: 'GET' },
    { id: 'r1', kind: 'request', name: 'Get access token', parentId: 'c1', method: 'POST' },
    { id: 'c2', kind: 'collection', name: 'Elecsnet', parentId: null, children: ['r4'] },
    { id: 'r4', kind: 'request', name: 'Sale (HMAC-SHA1)', parentId: 'c2', method: 'POST' },
  ],
};

function usageError(action: () => unknown): CliError {
  try {
    action();
  } catch (error) {
    if (error instanceof CliError) return error;
    throw error;
  }
  throw new Error('expected a CliError');
}

describe('finding a saved request by its path of names', () => {
  it('walks collection, folders and request', () => {
    expect(findRequestByPath(tree, 'PayNet OSP/Reports/Daily').id).toBe('r2');
    expect(findRequestByPath(tree, 'PayNet OSP/Get access token').id).toBe('r1');
  });

  it('finds a request whose own name holds a slash', () => {
    expect(findRequestByPath(tree, 'PayNet OSP/Reports/In/Out').id).toBe('r3');
  });

  it('is case-sensitive and suggests the close names with the usage exit code', () => {
    const error = usageError(() => findRequestByPath(tree, 'paynet osp/reports/daily'));
    expect(error.exitCode).toBe(EXIT.usage);
    expect(error.message).toContain('"PayNet OSP/Reports/Daily"');
  });

  it('suggests a request one typo away', () => {
    const error = usageError(() => findRequestByPath(tree, 'Elecsnet/Sale (HMAC-SHA)'));
    expect(error.message).toContain('Did you mean: "Elecsnet/Sale (HMAC-SHA1)"');
  });

  it('does not take a folder for a request', () => {
    expect(() => findRequestByPath(tree, 'PayNet OSP/Reports')).toThrow(CliError);
  });

  it('finds containers for imports and collection runs', () => {
    expect(findContainer(tree, 'PayNet OSP/Reports').id).toBe('f1');
    expect(findContainer(tree, 'Elecsnet').id).toBe('c2');
    expect(() => findContainer(tree, 'Elecsnet/Sale (HMAC-SHA1)')).toThrow(CliError);
  });

  it('lists every request path and the collection of an entry', () => {
    expect(requestPaths(tree)).toEqual(['PayNet OSP/Reports/Daily', 'PayNet OSP/Reports/In/Out', 'PayNet OSP/Get access token', 'Elecsnet/Sale (HMAC-SHA1)']);
    expect(collectionIdOf(tree, tree.entries[2]!)).toBe('c1');
  });

  it('offers no suggestion for something unrelated', () => {
    expect(closeMatches('zzzzzzzzzzzzzz', ['PayNet OSP/Reports/Daily'])).toEqual([]);
  });
});
