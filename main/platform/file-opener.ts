import { spawn } from 'node:child_process';
import { dirname } from 'node:path';

/** Opens a file with the user's default program, or shows it in its folder. Electron passes its shell instead. */
export type FileOpener = {
  open(path: string): Promise<void>;
  reveal(path: string): Promise<void>;
};

/** The system's own openers (xdg-open, open, explorer), for browser mode and the CLI. */
export function systemFileOpener(platform: NodeJS.Platform = process.platform): FileOpener {
  const run = (command: string, args: string[]) =>
    new Promise<void>((resolve, reject) => {
      const child = spawn(command, args, { detached: true, stdio: 'ignore' });
      child.once('error', () => reject(new Error(`No program to open files was found (${command}).`)));
      child.once('spawn', () => {
        child.unref();
        resolve();
      });
    });
  if (platform === 'darwin') return { open: (path) => run('open', [path]), reveal: (path) => run('open', ['-R', path]) };
  if (platform === 'win32') return { open: (path) => run('explorer', [path]), reveal: (path) => run('explorer', [`/select,${path}`]) };
  // Linux desktops have no common "select this file" call: open its folder.
  return { open: (path) => run('xdg-open', [path]), reveal: (path) => run('xdg-open', [dirname(path)]) };
}
