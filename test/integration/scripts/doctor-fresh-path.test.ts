import { spawnSync } from 'node:child_process';
import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../support/temp-dir.ts';

// CI's own style: the real doctor on this machine, with one tool taken off PATH for one run.
const DOCTOR = join(import.meta.dirname, '..', '..', '..', 'scripts', 'doctor.mjs');
const TOOLS = ['chromium', 'openssl', 'curl', 'python3', 'tinyproxy', 'git', 'gpg', 'pass'];
// What Debian's chromium launcher and the pass script themselves call.
const HELPERS = ['sh', 'bash', 'grep', 'sed', 'uname', 'dirname', 'readlink', 'cat', 'mkdir', 'getopt'];

function which(name: string): string {
  const found = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).stdout.trim();
  if (!found) throw new Error(`${name} is not on this machine; the doctor should have stopped npm test already`);
  return found;
}

describe('the doctor on a machine missing a tool', () => {
  const removals: (() => Promise<void>)[] = [];
  afterEach(async () => {
    await Promise.all(removals.splice(0).map((remove) => remove()));
  });

  async function doctorWithout(missing: string) {
    const temp = await makeTempDir();
    removals.push(temp.remove);
    const bin = join(temp.path, 'bin');
    mkdirSync(bin);
    for (const tool of [...TOOLS, ...HELPERS].filter((name) => name !== missing)) symlinkSync(which(tool), join(bin, tool));
    const env: NodeJS.ProcessEnv = { PATH: bin, HOME: temp.path, LANG: 'C' };
    return spawnSync(process.execPath, [DOCTOR, '--no-install'], { env, encoding: 'utf8' });
  }

  it.each(['openssl', 'tinyproxy', 'chromium', 'pass'])('names %s in its first line and runs nothing', async (missing) => {
    const result = await doctorWithout(missing);
    expect(result.status).toBe(1);
    const first = result.stderr.split('\n')[0];
    expect(first).toBe(`doctor: npm test needs ${missing}, missing on this machine. Install with one of:`);
    expect(result.stderr).toContain(`apt-get install -y --no-install-recommends ${missing}`);
    expect(result.stdout).toMatch(new RegExp(`missing ${missing}`));
    expect(result.stderr).toContain('no test was run');
  });

  it('passes with every tool on PATH', async () => {
    const result = await doctorWithout('nothing');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
});
