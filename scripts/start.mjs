// npm start: the Electron app where its binary exists; otherwise browser mode,
// said in one line, with the URL to open. Extra arguments go to browser mode
// (e.g. npm start -- --port 8080 --open).
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findElectronBinary } from './electron-binary.mjs';
import { pathWithNode } from './ensure-node.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const env = { ...process.env, PATH: pathWithNode() };
const bin = (name) => join(ROOT, 'node_modules', '.bin', name);

function run(command, args) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: ROOT, env, stdio: 'inherit' });
    const forward = (signal) => child.kill(signal);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

const electron = findElectronBinary();
if ('path' in electron) {
  process.exit(await run(bin('electron-vite'), ['preview']));
}
console.log(`Electron is not available here (${electron.reason}); starting browser mode instead.`);
const built = await run(bin('electron-vite'), ['build', '--logLevel', 'warn']);
if (built !== 0) process.exit(built);
process.exit(await run('node', [join(ROOT, 'bin', 'countersign.mjs'), 'web', ...process.argv.slice(2)]));
