import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, type Page } from '@playwright/test';
import { launchHost, type RunningHost } from './host-process.ts';

export type BridgePayload = { url: string; body: string };

type Fixtures = {
  dataDir: string;
  host: RunningHost;
  /** Starts a fresh host on the same data directory (the old one must be stopped). */
  restartHost: () => Promise<RunningHost>;
  /** Every API reply the renderer received in this test, recorded at the bridge. */
  bridgePayloads: BridgePayload[];
  app: Page;
};

export const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern
  dataDir: async ({}, use) => {
    const dir = await mkdtemp(join(tmpdir(), 'countersign-e2e-'));
    await use(dir);
    await rm(dir, { recursive: true, force: true });
  },
  host: async ({ dataDir }, use) => {
    const host = await launchHost(dataDir);
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
  // Automatic, so every test records what crossed the bridge whether or not it asks for it.
  bridgePayloads: [
    async ({ page }, use) => {
      const payloads: BridgePayload[] = [];
      page.on('response', (response) => {
        if (!new URL(response.url()).pathname.startsWith('/api/')) return;
        response.text().then(
          (body) => payloads.push({ url: response.url(), body }),
          () => {},
        );
      });
      await use(payloads);
    },
    { auto: true },
  ],
  app: async ({ page, host }, use) => {
    await page.goto(host.url);
    await use(page);
  },
});

export { expect } from '@playwright/test';
