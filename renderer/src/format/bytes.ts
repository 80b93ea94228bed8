/**
 * The renderer's one way to show a size, with the CLI's rules
 * (main/cli/outcome.ts): bytes below 1 KiB, then KiB and MiB (1024-based)
 * with one decimal. A test holds the two to the same table of sizes.
 */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}
