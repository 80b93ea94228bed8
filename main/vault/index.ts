/** The vault's public surface for the backend, the Electron door and the CLI. */
export { createVaultService, DEFAULT_AUTO_LOCK_MINUTES, type RevealPurpose, type VaultService, type VaultServiceOptions } from './vault-service.ts';
export { assessSafeStorage, type SafeStorageLike } from './wrappers/safe-storage.ts';
export type { ClipboardLike } from './clipboard/clipboard.ts';
export { createSystemClipboard, findClipboardTool, NoClipboardToolError } from './clipboard/system-clipboard.ts';
export { DEFAULT_SCRYPT_PARAMS, type ScryptParams } from './crypto/scrypt-kdf.ts';
export { nodeTimers, type Timers } from './timers.ts';
export { VAULT_FILE_NAME, BACKUP_DIR_NAME } from './file/vault-file-store.ts';
export { createVaultHandlers, type VaultHandlers, type VaultChannelName } from './vault-handlers.ts';
export { PASSPHRASE_ENV, unlockWithEnvironmentOrPrompt } from './passphrase-from-env.ts';
