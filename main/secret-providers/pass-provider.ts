import { existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type { ProcessEnvironment } from './env-provider.ts';
import { passErrors } from './pass-errors.ts';
import { passStoreDir } from './pass-entry.ts';
import { runTool } from './run-tool.ts';

export type PassOptions = {
  env: ProcessEnvironment;
  /** How long pass (and a GPG passphrase prompt) may take. */
  timeoutMs?: number;
};

const DEFAULT_TIMEOUT_MS = 60_000;

/** True when the entry's file exists: no decryption, so the Vault page can show where a name would come from. */
export function passEntryExists(env: ProcessEnvironment, entry: string): boolean {
  return existsSync(join(passStoreDir(env), `${entry}.gpg`));
}

/**
 * `pass show <entry>`: its first line is the value, as `pass -c` takes it.
 * Null when the store has no such entry; a specific error for every other
 * failure. The value stays in memory: nothing is written anywhere.
 */
export async function readPassSecret(entry: string, options: PassOptions): Promise<string | null> {
  const { env } = options;
  const storeDir = passStoreDir(env);
  if (!existsSync(storeDir) || !hasGpgId(storeDir, entry)) {
    // Still tell "not installed" first: installing comes before initialising.
    if (!(await passInstalled(env))) throw passErrors.notInstalled(entry);
    throw passErrors.notInitialised(storeDir, entry);
  }
  if (!existsSync(join(storeDir, `${entry}.gpg`))) return null;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const result = await runTool('pass', ['show', entry], env, timeoutMs);
  if (result.missing) throw passErrors.notInstalled(entry);
  if (result.timedOut) throw passErrors.timedOut(entry, Math.round(timeoutMs / 1000));
  if (result.code === 0) {
    const first = result.stdout.split('\n')[0]?.replace(/\r$/, '') ?? '';
    if (first === '') throw passErrors.emptyFirstLine(entry);
    return first;
  }
  throw await classify(entry, result.stderr, env, storeDir);
}

/** True when a `pass` runs (it prints its version). */
export async function passInstalled(env: ProcessEnvironment): Promise<boolean> {
  const result = await runTool('pass', ['version'], env, 10_000);
  return !result.missing && result.code === 0;
}

// pass looks for .gpg-id in the entry's folder and each folder above it, up to the store's root.
function hasGpgId(storeDir: string, entry: string): boolean {
  let dir = dirname(join(storeDir, entry));
  for (;;) {
    if (existsSync(join(dir, '.gpg-id'))) return true;
    const rel = relative(storeDir, dir);
    if (rel === '' || rel.startsWith('..')) return false;
    dir = dirname(dir);
  }
}

async function classify(entry: string, stderr: string, env: ProcessEnvironment, storeDir: string): Promise<Error> {
  if (/is not in the password store/.test(stderr)) return passErrors.failed(entry, 'the store says it has no such entry although its file exists');
  if (/No secret key/i.test(stderr)) {
    // gpg says "No secret key" both when the key is missing and when it is held but locked with no prompt available: tell them apart.
    const { recipients, held } = await recipientKeys(join(storeDir, `${entry}.gpg`), env);
    return held.length > 0 ? passErrors.keyLocked(entry, held) : passErrors.noSecretKey(entry, recipients);
  }
  if (/Operation cancelled|Bad passphrase|canceled/i.test(stderr)) return passErrors.refused(entry, gpgLine(stderr));
  if (/no valid OpenPGP data|decrypt_message failed|invalid packet|unexpected data|CRC error/i.test(stderr)) return passErrors.unreadable(entry, gpgLine(stderr));
  return passErrors.failed(entry, gpgLine(stderr) || 'it exited with an error and said nothing');
}

/** The last meaningful line gpg or pass wrote: what to show a person (no values ever reach stderr). */
function gpgLine(stderr: string): string {
  const lines = stderr.split('\n').map((line) => line.trim()).filter((line) => line !== '');
  return lines.at(-1)?.slice(0, 300) ?? '';
}

/** The key ids an entry is encrypted to, and which of them have a secret key in this keyring. */
async function recipientKeys(file: string, env: ProcessEnvironment): Promise<{ recipients: string[]; held: string[] }> {
  const listed = await runTool('gpg', ['--batch', '--list-only', '--status-fd', '1', '--decrypt', file], env, 10_000);
  const recipients = [...listed.stdout.matchAll(/^\[GNUPG:\] ENC_TO ([0-9A-F]+)/gm)].map((match) => match[1] ?? '').filter((id) => id !== '');
  const secrets = await runTool('gpg', ['--batch', '--with-colons', '--list-secret-keys'], env, 10_000);
  const ours = new Set<string>();
  for (const line of secrets.stdout.split('\n')) {
    const fields = line.split(':');
    if ((fields[0] === 'sec' || fields[0] === 'ssb') && fields[4]) ours.add(fields[4].toUpperCase());
  }
  return { recipients, held: recipients.filter((id) => ours.has(id.toUpperCase())) };
}
