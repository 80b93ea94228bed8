import { rmSync } from 'node:fs';

/** Removes the downloads folder vitest.config.ts made for this run. */
export default function setup(): () => void {
  return () => {
    const dir = process.env.COUNTERSIGN_TEST_DOWNLOADS;
    if (dir) rmSync(dir, { recursive: true, force: true });
  };
}
