// npm run dev: Electron with hot reload where its binary exists; otherwise
// browser mode with hot reload (scripts/dev-browser.ts), said in one line.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findElectronBinary } from './electron-binary.mjs';
import { pathWithNode } from './ensure-node.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const env = { ...process.env, PATH: pathWithNode() };
const electron = findElectronBinary();
const [command, args] =
  'path' in electron
    ? [join(ROOT, 'node_modules', '.bin', 'electron-vite'), ['dev']]
    : ['node', [join(ROOT, 'scripts', 'dev-browser.ts')]];
if (!('path' in electron)) console.log(`Electron is not available here (${electron.reason}); starting browser mode with hot reload instead.`);
const child = spawn(command, args, { cwd: ROOT, env, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 1));
