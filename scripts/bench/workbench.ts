/**
 * The workbench in a real browser with 10,000 requests: time to open the
 * Workbench until the tree's first rows are on screen, and sidebar filter
 * latency per keystroke, both measured inside the page (performance.now).
 * Starts browser mode on a generated workspace and drives Debian's chromium.
 * Run: node scripts/bench/workbench.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { launchHost } from '../../test/e2e/support/host-process.ts';
import { generateWorkspace } from '../../main/workspace/generate.ts';
import { createWorkspaceFileStore } from '../../main/workspace/workspace-store.ts';

const REQUESTS = 10_000;
const LOAD_RUNS = 9;
const FILTER_RUNS = 5;
const TYPED = 'invoice-04';

const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
const median = (values: number[]) => sorted(values)[Math.floor(values.length / 2)] ?? Number.NaN;
const p95 = (values: number[]) => sorted(values)[Math.min(values.length - 1, Math.floor(values.length * 0.95))] ?? Number.NaN;
const ms = (value: number) => `${value.toFixed(1)} ms`;

// In-page probes, as source text (this script is compiled without DOM types).
// Each resolves on the first animation frame after the DOM shows the result.

/** Clicks the Workbench button and waits for the first tree row. */
const OPEN_WORKBENCH = `new Promise((resolve) => {
  const ready = () => document.querySelector('[data-testid="tree-row"]') !== null;
  const button = [...document.querySelectorAll('nav[aria-label="Main"] button')].find((b) => b.textContent.trim() === 'Workbench');
  const t0 = performance.now();
  const finish = () => requestAnimationFrame(() => resolve(performance.now() - t0));
  const observer = new MutationObserver(() => { if (ready()) { observer.disconnect(); finish(); } });
  observer.observe(document.body, { childList: true, subtree: true });
  button.click();
  if (ready()) { observer.disconnect(); finish(); }
})`;

/** Types one filter value as an input event and waits until the sidebar shows the rows for it. */
const filterProbe = (text: string) => `new Promise((resolve) => {
  const wanted = ${JSON.stringify(text)};
  const input = document.querySelector('input[aria-label="Filter requests"]');
  const sidebar = document.querySelector('aside.wb-sidebar');
  const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
  const finish = (t0) => requestAnimationFrame(() => resolve(performance.now() - t0));
  const observer = new MutationObserver(() => {
    if (sidebar.getAttribute('data-filter-applied') === wanted.trim() || (wanted.trim() === '' && sidebar.getAttribute('data-filter-applied') === '')) { observer.disconnect(); finish(t0); }
  });
  observer.observe(sidebar, { attributes: true, attributeFilter: ['data-filter-applied'], childList: true, subtree: true });
  const t0 = performance.now();
  setValue.call(input, wanted);
  input.dispatchEvent(new Event('input', { bubbles: true }));
})`;

const dir = mkdtempSync(join(tmpdir(), 'countersign-bench-workbench-'));
const host = await launchHost(dir, []).catch((error: unknown) => {
  rmSync(dir, { recursive: true, force: true });
  throw error;
});
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
});
try {
  // The host wrote its first-run samples; replace them with the generated workspace and restart it.
  await host.stop();
  createWorkspaceFileStore(dir).save(generateWorkspace({ requests: REQUESTS, collections: 4, foldersPerCollection: 25 }));
  const big = await launchHost(dir);
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(big.url);
    await page.getByRole('button', { name: 'Workbench' }).waitFor();

    const loads: number[] = [];
    for (let run = 0; run < LOAD_RUNS; run++) {
      loads.push(await page.evaluate<number>(OPEN_WORKBENCH));
      await page.getByRole('button', { name: 'Home' }).click();
      await page.getByTestId('tree-row').first().waitFor({ state: 'detached' });
    }
    await page.getByRole('button', { name: 'Workbench' }).click();
    await page.getByTestId('tree-row').first().waitFor();

    const keystrokes: number[] = [];
    for (let run = 0; run < FILTER_RUNS; run++) {
      for (let n = 1; n <= TYPED.length; n++) keystrokes.push(await page.evaluate<number>(filterProbe(TYPED.slice(0, n))));
      await page.evaluate<number>(filterProbe(''));
    }
    const shown = await page.getByTestId('tree-row').count();

    console.log(`workbench in chromium (${browser.version().split(' ')[0] ?? ''}), ${String(REQUESTS)} requests in 100 folders, 4 collections; node ${process.version}`);
    console.log(`open Workbench -> first tree rows painted: first ${ms(loads[0] ?? Number.NaN)}, median ${ms(median(loads))}, p95 ${ms(p95(loads))} (${String(LOAD_RUNS)} runs); target <= 300 ms`);
    console.log(
      `filter, input event -> filtered rows painted, typing "${TYPED}": median ${ms(median(keystrokes))}, p95 ${ms(p95(keystrokes))}, max ${ms(Math.max(...keystrokes))} (${String(keystrokes.length)} keystrokes); target <= 30 ms`,
    );
    console.log(`rows in the DOM after clearing the filter: ${String(shown)} (virtualized)`);
  } finally {
    await big.stop();
  }
} finally {
  await browser.close();
  rmSync(dir, { recursive: true, force: true });
}
