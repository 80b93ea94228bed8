import { generateWorkspace } from '../../main/workspace/generate.ts';
import { createWorkspaceFileStore } from '../../main/workspace/workspace-store.ts';
import { expect, test } from './support/fixtures.ts';

const REQUESTS = 10_000;

test('a 10,000-request workspace: the sidebar renders only what is in view, scrolls to the end and filters', async ({ page, dataDir, restartHost }) => {
  const doc = generateWorkspace({ requests: REQUESTS, collections: 4, foldersPerCollection: 25 });
  createWorkspaceFileStore(dataDir).save(doc);
  const lastOf = (id: string | undefined) => {
    const node = id === undefined ? undefined : doc.nodes[id];
    return node && node.kind !== 'request' ? node.children.at(-1) : undefined;
  };
  const lastRequest = doc.nodes[lastOf(lastOf(doc.collections.at(-1))) ?? ''];
  const host = await restartHost();
  await page.goto(host.url);

  const started = Date.now();
  await page.getByRole('button', { name: 'Workbench' }).click();
  const rows = page.getByTestId('tree-row');
  await expect(rows.first()).toBeVisible();
  const loadMs = Date.now() - started;

  // Virtualized: thousands of requests, a screenful of rows in the page.
  expect(await rows.count()).toBeLessThan(80);
  const tree = page.getByRole('tree', { name: 'Requests' });
  await tree.evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
  await expect(rows.last()).toHaveAttribute('data-name', lastRequest?.name ?? 'missing');
  expect(await rows.count()).toBeLessThan(80);

  const filter = page.getByLabel('Filter requests');
  const typed = 'invoice-04';
  const perKey: number[] = [];
  for (let n = 1; n <= typed.length; n++) {
    const before = Date.now();
    await filter.fill(typed.slice(0, n));
    await expect(filter).toHaveValue(typed.slice(0, n));
    perKey.push(Date.now() - before);
  }
  const shownRequests = () =>
    rows.evaluateAll((elements) => elements.filter((element) => element.getAttribute('data-kind') === 'request').map((element) => element.getAttribute('data-name') ?? ''));
  // Answers to earlier keystrokes may still be on screen for a moment; the last one wins.
  await expect.poll(async () => (await shownRequests()).every((name) => name.includes('invoice-04'))).toBe(true);
  expect((await shownRequests()).length).toBeGreaterThan(0);
  await filter.fill('');
  await expect(page.locator('[data-testid="tree-row"][data-name="Collection 0"]')).toBeVisible();

  // Figures for the record, not a pass/fail threshold (shared CI machines vary).
  console.log(`sidebar, ${String(REQUESTS)} requests: first rows after ${String(loadMs)} ms; filter keystroke to input echo max ${String(Math.max(...perKey))} ms`);
});
