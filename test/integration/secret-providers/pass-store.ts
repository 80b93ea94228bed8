import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { makeTempDir } from '../../support/temp-dir.ts';

const run = promisify(execFile);

export type PassStore = {
  /** GNUPGHOME and PASSWORD_STORE_DIR (plus PATH and HOME) for a process that should read this store. */
  env: Record<string, string>;
  storeDir: string;
  /** The key's encryption subkey id, as gpg names recipients. */
  keyIds: string[];
  insert(entry: string, text: string): Promise<void>;
  remove(): Promise<void>;
};

/**
 * A real password store with a throwaway GPG key made for the test (no
 * passphrase unless one is given), in a temp GNUPGHOME: the same `pass` and
 * `gpg` a user runs. A key with a passphrase gets a pinentry that always
 * fails, so "locked" never opens a prompt on a developer's desktop.
 */
export async function makePassStore(options: { passphrase?: string } = {}): Promise<PassStore> {
  const dir = await makeTempDir('cs-pass-');
  const gnupgHome = join(dir.path, 'g');
  const storeDir = join(dir.path, 'store');
  await mkdir(gnupgHome, { mode: 0o700 });
  if (options.passphrase !== undefined) await writeFile(join(gnupgHome, 'gpg-agent.conf'), 'pinentry-program /bin/false\n');
  const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: dir.path, GNUPGHOME: gnupgHome, PASSWORD_STORE_DIR: storeDir };
  const tool = (command: string, args: string[], input?: string) =>
    new Promise<string>((resolve, reject) => {
      const child = execFile(command, args, { env }, (error, stdout, stderr) => (error ? reject(new Error(`${command} ${args.join(' ')}: ${stderr}`)) : resolve(stdout)));
      child.stdin?.end(input ?? '');
    });
  await tool('gpg', ['--batch', '--pinentry-mode', 'loopback', '--passphrase', options.passphrase ?? '', '--quick-gen-key', 'Countersign Test <test@example.invalid>', 'future-default', 'default', 'never']);
  const listed = await tool('gpg', ['--batch', '--with-colons', '--list-secret-keys']);
  const fingerprint = /^fpr:+([0-9A-F]+):/m.exec(listed)?.[1] ?? '';
  const keyIds = [...listed.matchAll(/^ssb:[^:]*:[^:]*:[^:]*:([0-9A-F]+):/gm)].map((match) => match[1] ?? '');
  await tool('pass', ['init', fingerprint]);
  // The agent cached the passphrase while generating: forget it, so the key is locked as after a restart.
  await run('gpgconf', ['--kill', 'gpg-agent'], { env });
  return {
    env,
    storeDir,
    keyIds,
    insert: async (entry, text) => {
      await tool('pass', ['insert', '--multiline', '--force', entry], text);
    },
    remove: async () => {
      await run('gpgconf', ['--kill', 'gpg-agent'], { env }).catch(() => undefined);
      await dir.remove();
    },
  };
}
