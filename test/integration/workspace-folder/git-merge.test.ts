import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { WorkspaceDocument } from '../../../main/contract/workspace.ts';
import { createFolderStore } from '../../../main/workspace/folder/folder-store.ts';
import { requestByName, samples, tempDir } from '../../unit/workspace-folder/support.ts';

// Real git, as a team uses it: a workspace committed, cloned twice, edited apart and merged.

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()?.();
});

const git = (cwd: string, ...args: string[]): string =>
  execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.invalid', '-c', 'init.defaultBranch=main', '-c', 'commit.gpgsign=false', ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' },
  });

function open(dir: string) {
  const store = createFolderStore(dir);
  const outcome = store.load();
  if (outcome.kind !== 'loaded') throw new Error(`not loaded: ${outcome.kind}`);
  return { store, doc: outcome.document };
}

function repository(): { root: string; origin: string } {
  const { dir: root, remove } = tempDir('cs-git-');
  cleanups.push(remove);
  const origin = join(root, 'origin');
  execFileSync('mkdir', [origin]);
  git(origin, 'init', '-q');
  createFolderStore(join(origin, 'api')).save(samples());
  git(origin, 'add', '.');
  git(origin, 'commit', '-q', '-m', 'workspace');
  return { root, origin };
}

/** Lines added and removed per file of the working tree's change, renames followed. */
function numstat(cwd: string): string[] {
  git(cwd, 'add', '-A');
  return git(cwd, 'diff', '--cached', '-M', '--numstat').trim().split('\n').filter(Boolean);
}

const collection = (doc: WorkspaceDocument, name: string) => {
  const node = Object.values(doc.nodes).find((candidate) => candidate.kind === 'collection' && candidate.name === name);
  if (node?.kind !== 'collection') throw new Error(`no collection ${name}`);
  return node;
};

describe('a workspace folder in git', () => {
  it('two clones edited in different requests merge cleanly with plain git merge', () => {
    const { root, origin } = repository();
    const alice = join(root, 'alice');
    const bob = join(root, 'bob');
    git(root, 'clone', '-q', origin, alice);
    git(root, 'clone', '-q', origin, bob);

    const a = open(join(alice, 'api'));
    requestByName(a.doc, 'Request a report').url = '{{baseUrl}}/v2/reports';
    a.store.save(a.doc);
    git(alice, 'commit', '-q', '-am', 'alice: v2 reports');

    const b = open(join(bob, 'api'));
    const status = requestByName(b.doc, 'Report status');
    status.headers = [...status.headers, { name: 'X-Trace', value: 'bob', enabled: true }];
    b.store.save(b.doc);
    git(bob, 'commit', '-q', '-am', 'bob: trace header');
    git(bob, 'push', '-q', 'origin', 'HEAD:refs/heads/bob');

    git(alice, 'fetch', '-q', 'origin');
    git(alice, 'merge', '--no-edit', '-q', 'origin/bob');
    expect(git(alice, 'status', '--porcelain')).toBe('');
    const merged = open(join(alice, 'api'));
    expect(merged.store.problems()).toEqual([]);
    expect(requestByName(merged.doc, 'Request a report').url).toBe('{{baseUrl}}/v2/reports');
    expect(requestByName(merged.doc, 'Report status').headers.some((h) => h.name === 'X-Trace' && h.value === 'bob')).toBe(true);
  });

  it('a rename is a file rename plus one order line; a reorder changes the order file only', () => {
    const { root, origin } = repository();
    const work = join(root, 'work');
    git(root, 'clone', '-q', origin, work);
    const { store, doc } = open(join(work, 'api'));

    requestByName(doc, 'Report status').name = 'Report status (v2)';
    store.save(doc);
    expect(numstat(work).sort()).toEqual(['1\t1\tapi/paynet-osp/order.yaml', expect.stringMatching(/^1\t1\tapi\/paynet-osp\/\{?report-status.*=> .*report-status-v2\.request\.yaml\}?$/)].sort());
    git(work, 'commit', '-q', '-m', 'rename');

    const paynet = collection(doc, 'PayNet OSP');
    paynet.children = [...paynet.children].reverse();
    store.save(doc);
    const reorder = numstat(work);
    expect(reorder).toHaveLength(1);
    expect(reorder[0]).toMatch(/^\d+\t\d+\tapi\/paynet-osp\/order\.yaml$/);
  });
});
