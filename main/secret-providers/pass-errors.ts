import { ServiceError } from '../contract/errors.ts';

/** The specific ways reading a pass entry fails, each with what to do. Entry names and key ids only: never a value. */
export const passErrors = {
  notInstalled: (entry: string) =>
    new ServiceError(
      'secret_provider_failed',
      `pass is not installed (no runnable "pass" on PATH), so ${entry} cannot be read from the password store. ` +
        'Install it (Debian/Ubuntu: apt-get install pass gnupg; Fedora: dnf install pass; macOS: brew install pass), or take pass off this environment\'s secret providers.',
    ),
  notInitialised: (storeDir: string, entry: string) =>
    new ServiceError(
      'secret_provider_failed',
      `The password store at ${storeDir} is not initialised (it has no .gpg-id), so ${entry} cannot be read. ` +
        'Clone your team\'s store there, point PASSWORD_STORE_DIR at it, or create one with "pass init <your GPG key id>".',
    ),
  keyLocked: (entry: string, keys: readonly string[]) =>
    new ServiceError(
      'secret_provider_failed',
      `pass could not decrypt ${entry}: your GPG key ${keys.join(', ')} is in the keyring but locked, and no passphrase prompt could be shown (the GPG agent has no cached passphrase). ` +
        `Unlock it once in a terminal ("pass show ${entry}" asks for the passphrase and the agent keeps it for a while), then retry.`,
    ),
  noSecretKey: (entry: string, recipients: readonly string[]) =>
    new ServiceError(
      'secret_provider_failed',
      `pass could not decrypt ${entry}: it is encrypted to ${recipients.length > 0 ? `GPG key(s) ${recipients.join(', ')}` : 'GPG keys'}, and you hold none of their secret keys. ` +
        'Ask a teammate who can read the store to add your key and re-encrypt ("pass init <their key ids> <your key id>", then push), and pull the store again.',
    ),
  refused: (entry: string, detail: string) =>
    new ServiceError(
      'secret_provider_failed',
      `Decryption of ${entry} was refused (${detail}). Retry and give your GPG key's passphrase at the prompt; if it keeps failing, check the key with "gpg --list-secret-keys".`,
    ),
  unreadable: (entry: string, detail: string) =>
    new ServiceError(
      'secret_provider_failed',
      `${entry} in the password store is not a readable GPG file (${detail}). Insert it again: "pass insert -m ${entry}".`,
    ),
  emptyFirstLine: (entry: string) =>
    new ServiceError('secret_provider_failed', `The first line of ${entry} is empty: pass keeps the password on the first line. Insert it again: "pass insert -m ${entry}".`),
  timedOut: (entry: string, seconds: number) =>
    new ServiceError(
      'secret_provider_failed',
      `pass did not answer for ${entry} within ${String(seconds)} s (waiting for a GPG passphrase prompt nobody answered?). Unlock your key in a terminal with "pass show ${entry}", then retry.`,
    ),
  failed: (entry: string, detail: string) => new ServiceError('secret_provider_failed', `pass could not read ${entry}: ${detail}`),
};
