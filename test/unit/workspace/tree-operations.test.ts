import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ServiceError } from '../../../main/contract/errors.ts';
import type { WorkspaceService } from '../../../main/workspace/workspace-service.ts';
import { openService, smallTree, tempDir, type TempDir } from './helpers.ts';

let temp: TempDir;
let service: WorkspaceService;
beforeEach(() => {
  temp = tempDir();
  service = openService(temp.dir);
});
afterEach(() => temp.cleanup());

const namesUnder = (id: string): string[] => {
  const node = service.get(id);
  if (node.kind === 'request') throw new Error('not a container');
  return node.children.map((child) => service.get(child).name);
};

describe('creating items', () => {
  it('gives a new collection Sandbox, UAT and a protected Production environment', () => {
    const collection = service.create({ kind: 'collection', name: 'PayNet' });
    expect(collection.kind === 'collection' && collection.environments.map((env) => [env.name, env.protected])).toEqual([
      ['Sandbox', false],
      ['UAT', false],
      ['Production', true],
    ]);
  });

  it('places requests and folders at the given index, and upper-cases methods', () => {
    const { collection } = smallTree(service);
    service.create({ kind: 'request', parentId: collection, name: 'First', index: 0, method: 'delete' });
    expect(namesUnder(collection)).toEqual(['First', 'Payments', 'Ping']);
    const first = service.get(service.filter('First').matches[0] ?? '');
    expect(first.kind === 'request' && first.method).toBe('DELETE');
  });

  it('refuses to put an item inside a request', () => {
    const { pay } = smallTree(service);
    expect(() => service.create({ kind: 'request', parentId: pay, name: 'x' })).toThrow(/is a request/);
  });

  it('reports an unknown id as not_found', () => {
    try {
      service.rename('nope', 'x');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ServiceError);
      expect((error as ServiceError).code).toBe('not_found');
    }
  });
});

describe('rename, duplicate, move, reorder', () => {
  it('renames', () => {
    const { pay } = smallTree(service);
    service.rename(pay, 'Pay now');
    expect(service.get(pay).name).toBe('Pay now');
  });

  it('duplicates a folder deeply with new ids, right after the original', () => {
    const { collection, folder, pay } = smallTree(service);
    service.create({ kind: 'folder', parentId: folder, name: 'Nested' });
    const copy = service.duplicate(folder);
    expect(namesUnder(collection)).toEqual(['Payments', 'Payments copy', 'Ping']);
    expect(copy.kind).toBe('folder');
    if (copy.kind !== 'folder') return;
    expect(copy.children).toHaveLength(2);
    expect(copy.children).not.toContain(pay);
    const copiedPay = service.get(copy.children[0] ?? '');
    expect(copiedPay.kind === 'request' && [copiedPay.name, copiedPay.url, copiedPay.parentId]).toEqual(['Pay', '{{baseUrl}}/pay', copy.id]);
    // Editing the copy leaves the original alone.
    service.updateRequest(copiedPay.id, { url: 'changed' });
    const original = service.get(pay);
    expect(original.kind === 'request' && original.url).toBe('{{baseUrl}}/pay');
  });

  it('duplicates a collection with fresh environment ids', () => {
    const { collection } = smallTree(service);
    const copy = service.duplicate(collection);
    const original = service.get(collection);
    if (copy.kind !== 'collection' || original.kind !== 'collection') throw new Error('expected collections');
    expect(service.tree().collections).toEqual([collection, copy.id]);
    expect(copy.environments.map((env) => env.name)).toEqual(['Sandbox', 'UAT', 'Production']);
    expect(copy.environments.map((env) => env.id)).not.toEqual(original.environments.map((env) => env.id));
  });

  it('moves a request to another folder at an index and updates its parent', () => {
    const { collection, folder, ping } = smallTree(service);
    service.move(ping, folder, 0);
    expect(namesUnder(folder)).toEqual(['Ping', 'Pay']);
    expect(namesUnder(collection)).toEqual(['Payments']);
    const moved = service.get(ping);
    expect(moved.kind === 'request' && moved.parentId).toBe(folder);
  });

  it('moves a folder to another collection', () => {
    const { folder } = smallTree(service);
    const other = service.create({ kind: 'collection', name: 'Other' }).id;
    service.move(folder, other);
    expect(namesUnder(other)).toEqual(['Payments']);
    expect(service.filter('Pay').visible).toEqual([other, folder, service.filter('Pay').matches.at(-1)]);
  });

  it('refuses to move a folder into itself or its own subfolder', () => {
    const { folder } = smallTree(service);
    const inner = service.create({ kind: 'folder', parentId: folder, name: 'Inner' }).id;
    expect(() => service.move(folder, inner)).toThrow(/into itself/);
    expect(() => service.move(folder, folder)).toThrow(/into itself/);
  });

  it('refuses to move a collection into a folder, or a request out of every collection', () => {
    const { collection, folder, pay } = smallTree(service);
    expect(() => service.move(collection, folder)).toThrow(/collection/);
    expect(() => service.move(pay, null)).toThrow(/inside a collection/);
  });

  it('reorders children and refuses an order that is not a permutation', () => {
    const { collection, folder, ping } = smallTree(service);
    service.reorder(collection, [ping, folder]);
    expect(namesUnder(collection)).toEqual(['Ping', 'Payments']);
    expect(() => service.reorder(collection, [ping])).toThrow(/exactly the current items/);
    expect(() => service.reorder(collection, [ping, ping])).toThrow(/exactly the current items/);
  });
});

describe('delete and undo', () => {
  it('deletes a subtree and undo puts it back at its old place', () => {
    const { collection, folder, pay } = smallTree(service);
    const { undoToken, deleted } = service.delete(folder);
    expect(deleted).toBe(2);
    expect(namesUnder(collection)).toEqual(['Ping']);
    expect(() => service.get(pay)).toThrow(/No collection, folder or request/);
    service.undoDelete(undoToken);
    expect(namesUnder(collection)).toEqual(['Payments', 'Ping']);
    expect(service.get(pay).name).toBe('Pay');
    expect(() => service.undoDelete(undoToken)).toThrow(/no longer be undone/);
  });

  it('cannot restore into a parent that was deleted since', () => {
    const { collection, pay } = smallTree(service);
    const first = service.delete(pay);
    service.delete(collection);
    expect(() => service.undoDelete(first.undoToken)).toThrow(/no longer exists/);
  });

  it('undoes a deleted collection into the collection list', () => {
    const { collection } = smallTree(service);
    const other = service.create({ kind: 'collection', name: 'Other' }).id;
    const { undoToken } = service.delete(collection);
    expect(service.tree().collections).toEqual([other]);
    service.undoDelete(undoToken);
    expect(service.tree().collections).toEqual([collection, other]);
  });
});

describe('tree listing', () => {
  it('lists entries in tree order without request bodies', () => {
    const { collection, folder, pay, ping } = smallTree(service);
    const listing = service.tree();
    expect(listing.entries.map((entry) => entry.id)).toEqual([collection, folder, pay, ping]);
    expect(listing.entries[2]).toEqual({ id: pay, kind: 'request', name: 'Pay', parentId: folder, method: 'POST', url: '{{baseUrl}}/pay' });
  });
});
