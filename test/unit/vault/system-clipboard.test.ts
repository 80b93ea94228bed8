import { chmod, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NoClipboardToolError, createSystemClipboard, findClipboardTool } from '../../../main/vault/clipboard/system-clipboard.ts';
import { makeTempDir } from '../../support/temp-dir.ts';

let dir: { path: string; remove: () => Promise<void> };
beforeEach(async () => {
  dir = await makeTempDir('countersign-clip-');
});
afterEach(async () => {
  await dir.remove();
});

describe.skipIf(process.platform === 'win32')('system clipboard', () => {
  it('fails with a message naming what to install when no tool exists', async () => {
    const env = { PATH: dir.path, DISPLAY: ':0' };
    expect(findClipboardTool('linux', env)).toBeNull();
    const clipboard = createSystemClipboard('linux', env);
    await expect(Promise.resolve().then(() => clipboard.writeText('x'))).rejects.toThrow(NoClipboardToolError);
    await expect(Promise.resolve().then(() => clipboard.writeText('x'))).rejects.toThrow(/xclip or xsel/);
  });

  it('passes the value through stdin to the tool, never on its command line', async () => {
    // A stand-in xclip that keeps stdin in a file and prints it back with -o.
    const store = join(dir.path, 'board');
    const args = join(dir.path, 'args');
    await writeFile(
      join(dir.path, 'xclip'),
      `#!/bin/sh\necho "$@" >> '${args}'\nif [ "$3" = "-o" ]; then cat '${store}'; else cat > '${store}'; fi\n`,
    );
    await chmod(join(dir.path, 'xclip'), 0o755);
    const env = { PATH: `${dir.path}:/usr/bin:/bin`, DISPLAY: ':0' };
    expect(findClipboardTool('linux', env)?.name).toBe('xclip');

    const clipboard = createSystemClipboard('linux', env);
    await clipboard.writeText('line one\nsecret-on-stdin');
    expect(await clipboard.readText()).toBe('line one\nsecret-on-stdin');
    await clipboard.writeText('');
    expect(await clipboard.readText()).toBe('');
    expect(await readFile(args, 'utf8')).not.toContain('secret-on-stdin');
  });
});
