import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import type { ClipboardLike } from './clipboard.ts';

type Command = { file: string; args: string[] };
export type ClipboardTool = { name: string; write: Command; read: Command };

/** Raised when no clipboard tool exists here; the message says what to install. */
export class NoClipboardToolError extends Error {
  constructor(platform: NodeJS.Platform) {
    super(
      platform === 'linux'
        ? 'No clipboard tool was found: install wl-clipboard (Wayland), xclip or xsel (X11) to copy secrets from the CLI or browser mode.'
        : 'No clipboard tool was found on this system (looked for pbcopy or clip.exe).',
    );
    this.name = 'NoClipboardToolError';
  }
}

function candidates(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): ClipboardTool[] {
  if (platform === 'darwin') return [{ name: 'pbcopy', write: { file: 'pbcopy', args: [] }, read: { file: 'pbpaste', args: [] } }];
  if (platform === 'win32') {
    return [
      {
        name: 'clip.exe',
        write: { file: 'clip.exe', args: [] },
        read: { file: 'powershell.exe', args: ['-NoProfile', '-Command', 'Get-Clipboard -Raw'] },
      },
    ];
  }
  const tools: ClipboardTool[] = [];
  if (env.WAYLAND_DISPLAY) tools.push({ name: 'wl-copy', write: { file: 'wl-copy', args: [] }, read: { file: 'wl-paste', args: ['--no-newline'] } });
  if (env.DISPLAY) {
    tools.push(
      { name: 'xclip', write: { file: 'xclip', args: ['-selection', 'clipboard'] }, read: { file: 'xclip', args: ['-selection', 'clipboard', '-o'] } },
      { name: 'xsel', write: { file: 'xsel', args: ['--clipboard', '--input'] }, read: { file: 'xsel', args: ['--clipboard', '--output'] } },
    );
  }
  return tools;
}

/** The absolute path of an executable on PATH, or null. */
function onPath(file: string, env: NodeJS.ProcessEnv): string | null {
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    try {
      accessSync(join(dir, file), constants.X_OK);
      return join(dir, file);
    } catch {
      // not in this directory
    }
  }
  return null;
}

/** The first clipboard tool present for this platform and session, or null. */
export function findClipboardTool(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): ClipboardTool | null {
  for (const tool of candidates(platform, env)) {
    const write = onPath(tool.write.file, env);
    const read = onPath(tool.read.file, env);
    if (write && read) return { name: tool.name, write: { ...tool.write, file: write }, read: { ...tool.read, file: read } };
  }
  return null;
}

/**
 * A clipboard for the CLI and browser mode, through the system's own tools.
 * The value goes through stdin, never the command line (which other users
 * can read in the process list).
 */
export function createSystemClipboard(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): ClipboardLike {
  const tool = () => {
    const found = findClipboardTool(platform, env);
    if (!found) throw new NoClipboardToolError(platform);
    return found;
  };
  return {
    async writeText(text) {
      await run(tool().write, text);
    },
    async readText() {
      return run(tool().read, null);
    },
  };
}

function run(command: Command, input: string | null): Promise<string> {
  return new Promise((resolve, reject) => {
    // xclip and wl-copy stay behind to own the selection: do not wait on their output pipes.
    const reading = input === null;
    const child = spawn(command.file, command.args, { stdio: ['pipe', reading ? 'pipe' : 'ignore', 'ignore'] });
    const chunks: Buffer[] = [];
    child.stdout?.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.on('error', (error) => reject(new Error(`The clipboard tool ${command.file} could not be started.`, { cause: error })));
    child.on('close', (code) => {
      if (code === 0) resolve(Buffer.concat(chunks).toString('utf8'));
      else reject(new Error(`The clipboard tool ${command.file} failed (exit code ${String(code)}).`));
    });
    // A tool that exits before reading its input closes the pipe: that EPIPE must not
    // become an uncaught error in main; the exit code above already says what happened.
    child.stdin?.on('error', () => {});
    child.stdin?.end(input ?? '');
  });
}
