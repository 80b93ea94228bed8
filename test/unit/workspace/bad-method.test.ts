import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HttpMethod, WorkspaceNode } from '../../../main/contract/workspace.ts';
import { parseCurl } from '../../../main/workspace/curl/parse-curl.ts';
import { openService, smallTree, tempDir, type TempDir } from './helpers.ts';

let temp: TempDir;
beforeEach(() => {
  temp = tempDir();
});
afterEach(() => temp.cleanup());

describe('a method that is not an HTTP token is refused, or repaired when already stored', () => {
  it("curl -X 'GET;rm' is refused by name", () => {
    expect(() => parseCurl("curl -X 'GET;rm' https://h/x")).toThrow(/method "GET;RM" \(-X\) is not an HTTP method/);
    expect(() => parseCurl("curl -X 'GET /x' https://h/x")).toThrow(/not an HTTP method/);
    expect(parseCurl('curl -X M-SEARCH https://h/x').request.method).toBe('M-SEARCH');
  });

  it('the import through the service stores nothing', () => {
    const service = openService(temp.dir);
    const { collection } = smallTree(service);
    const before = readFileSync(join(temp.dir, 'workspace.json'), 'utf8');
    expect(() => service.importCurl("curl -X 'GET;rm' https://h/x", collection)).toThrow(/not an HTTP method/);
    expect(readFileSync(join(temp.dir, 'workspace.json'), 'utf8')).toBe(before);
  });

  it('the contract refuses it in a request', () => {
    expect(HttpMethod.safeParse('GET;rm').success).toBe(false);
    expect(HttpMethod.safeParse('get').data).toBe('GET');
  });

  it('a workspace stored with one still loads; get, duplicate and export work and the old method is kept in the description', () => {
    const service = openService(temp.dir);
    const { pay, collection } = smallTree(service);
    const file = join(temp.dir, 'workspace.json');
    const stored = JSON.parse(readFileSync(file, 'utf8')) as { document: { nodes: Record<string, { method?: string }> } };
    const node = stored.document.nodes[pay];
    if (node === undefined) throw new Error('no request');
    node.method = 'GET;rm';
    writeFileSync(file, JSON.stringify(stored));

    const reopened = openService(temp.dir);
    expect(reopened.loadProblem).toBeNull();
    const got = WorkspaceNode.parse(reopened.get(pay));
    expect(got.kind === 'request' ? got.method : '').toBe('GET');
    expect(got.description).toMatch(/stored method "GET;rm" was not an HTTP method; it was replaced by GET/);
    expect(reopened.exportCollection(collection).text).toContain('"method": "GET"');
    // Last: the reopened service's test ids start again at n1.
    expect(() => WorkspaceNode.parse(reopened.duplicate(pay))).not.toThrow();
  });
});
