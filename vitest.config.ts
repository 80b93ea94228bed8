import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

// Whatever a test saves without naming a folder (a sample's report download, say) lands
// here, never in the Downloads folder of whoever runs the suite. Removed by the global teardown.
const downloads = mkdtempSync(join(tmpdir(), 'countersign-test-downloads-'));
process.env.COUNTERSIGN_TEST_DOWNLOADS = downloads;
const env = { COUNTERSIGN_DOWNLOADS_DIR: downloads };

export default defineConfig({
  test: {
    globalSetup: ['test/support/global-downloads-dir.ts'],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
          env,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          env,
        },
      },
      {
        // Renderer hooks and components in a DOM (jsdom), with Testing Library.
        test: {
          name: 'renderer',
          include: ['test/renderer/**/*.test.tsx'],
          environment: 'jsdom',
          setupFiles: ['test/renderer/setup.ts'],
        },
      },
    ],
  },
});
