import { documentAuthenticates } from '../vault/crypto/secret-codec.ts';
import { createVaultFileStore } from '../vault/file/vault-file-store.ts';
import { WrongPassphraseError, unwrapWithPassphrase } from '../vault/wrappers/passphrase-wrapper.ts';
import { keyWrappingDigest } from './key-wrapping.ts';

/** Why the agent could not be given a key; the message is for the user. */
export class AgentKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AgentKeyError';
  }
}

/**
 * The vault's data key, unwrapped with its passphrase (one scrypt) and
 * checked against the file, with the key-wrapping digest the agent watches.
 */
export async function dataKeyForAgent(dataDir: string, passphrase: string): Promise<{ dataKey: Buffer; wrapping: string }> {
  const read = await createVaultFileStore({ dataDir, clock: () => new Date() }).read();
  if (read.kind === 'absent') throw new AgentKeyError('There is no vault in this data directory yet: create one with "countersign vault init".');
  if (read.kind === 'damaged') throw new AgentKeyError(`The vault cannot be opened: ${read.problem.message}`);
  const { document } = read;
  const wrapper = document.wrappers.find((w) => w.type === 'passphrase');
  if (!wrapper) throw new AgentKeyError('This vault has no passphrase; the unlock agent needs one.');
  let dataKey: Buffer;
  try {
    dataKey = await unwrapWithPassphrase(wrapper, document.vaultId, passphrase);
  } catch (error) {
    if (error instanceof WrongPassphraseError) throw new AgentKeyError('The passphrase is wrong. No agent was started.');
    throw new AgentKeyError(error instanceof Error ? error.message : 'The data key could not be unwrapped.');
  }
  if (!documentAuthenticates(dataKey, document)) {
    dataKey.fill(0);
    throw new AgentKeyError('The vault file does not match its key (it was altered): no agent was started. "countersign vault restore" lists the kept copies.');
  }
  return { dataKey, wrapping: keyWrappingDigest(document) };
}
