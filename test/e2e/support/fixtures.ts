import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, type Page } from '@playwright/test';
import { launchHost, type RunningHost } from './host-process.ts';
import { recordBridge, type BridgeRecording } from './bridge-recorder.ts';

type Fixtures = {
  /** Extra environment for the browser-mode process, e.g. COUNTERSIGN_SANDBOX_FAULTS; set with test.use. */
  hostEnv: Record<string, string>;
  dataDir: string;
  host: RunningHost;
  /** Starts a fresh host on the same data directory (the old one must be stopped). */
  restartHost: () => Promise<RunningHost>;
  /** Everything the renderer received from main in this test: call replies and event-stream text. */
  bridge: BridgeRecording;
  /** Secret values a test typed in; none of them may ever come back across the bridge. */
  secretValues: string[];
  noSecretAtBridge: undefined;
  app: Page;
};

export const test = base.extend<Fixtures>({
  hostEnv: [{}, { option: true }],
  // eslint-disable-next-line no-empty-pattern
  dataDir: async ({}, use) => {
    const dir = await mkdtemp(join(tmpdir(), 'countersign-e2e-'));
    await use(dir);
    await rm(dir, { recursive: true, force: true });
  },
  host: async ({ dataDir, hostEnv }, use) => {
    const host = await launchHost(dataDir, [], hostEnv);
    await use(host);
    await host.stop();
  },
  restartHost: async ({ dataDir }, use) => {
    const started: RunningHost[] = [];
    await use(async () => {
      const host = await launchHost(dataDir);
      started.push(host);
      return host;
    });
    for (const host of started) await host.stop();
  },
  bridge: [async ({ page }, use) => use(await recordBridge(page)), { auto: true }],
  // eslint-disable-next-line no-empty-pattern
  secretValues: async ({}, use) => use([]),
  // Runs after every test, whether or not it asks: the suite-wide promise that no value leaks to the renderer.
  noSecretAtBridge: [
    async ({ bridge, secretValues }, use) => {
      await use(undefined);
      const leaks = bridge.find(secretValues);
      if (leaks.length > 0) throw new Error(`A secret value reached the renderer in: ${leaks.join(', ')}`);
    },
    { auto: true },
  ],
  app: async ({ page, host }, use) => {
    await page.goto(host.url);
    await use(page);
  },
});

export { expect } from '@playwright/test';
