import { z } from 'zod';
import { FlowRunState, RunFlowInput } from './flows.ts';
import { ExportPassphrase, KeyRefInput } from './keys.ts';
import { ProxyUrl } from './network.ts';
import { SendInput, SendResult, SignInput, SignResult } from './requests.ts';

/**
 * Channels only the countersign command line may call: the dispatcher
 * refuses them from the Electron window and browser mode. Each takes
 * something a user at a terminal chooses but the renderer must not: variable
 * overrides (--var), a file or folder main writes to (--export-private,
 * --out-dir), network overrides that apply to every send of the process
 * (--proxy, --ca, --insecure), the unlock agent's key, a copy of the
 * workspace as files. None of them returns a secret value.
 */
export const CLI_CHANNEL_PREFIX = 'cli:';

const VariableOverrides = z.record(z.string().min(1).max(256), z.string().max(1_000_000));
const LocalPath = z.string().min(1).max(4096);

export const CliSendInput = z.strictObject({ ...SendInput.shape, variables: VariableOverrides.optional() });
export const CliSignInput = z.strictObject({ ...SignInput.shape, variables: VariableOverrides.optional() });
export const CliRunFlowInput = z.strictObject({ ...RunFlowInput.shape, saveDirectory: LocalPath.optional() });

export const NetworkOverrideInput = z.strictObject({
  // The length is checked first: ProxyUrl's own message quotes the text, which must stay short.
  proxyUrl: z.string().min(1).max(2000).pipe(ProxyUrl).optional(),
  /** PEM text read from --ca FILE, and the file's path for the record. */
  ca: z.strictObject({ pem: z.string().min(1).max(1_000_000), file: LocalPath }).optional(),
  insecure: z.boolean(),
});

/** The private key goes from the vault to `file` inside main (0600); the caller learns where, never the key. */
const PrivateFileTarget = { file: LocalPath, overwrite: z.boolean() };
export const ExportPrivateFileInput = z.discriminatedUnion('format', [
  z.strictObject({ ...KeyRefInput.shape, format: z.literal('pkcs8'), passphrase: ExportPassphrase.optional(), ...PrivateFileTarget }),
  z.strictObject({ ...KeyRefInput.shape, format: z.literal('pkcs1'), acknowledgeUnencrypted: z.literal(true), ...PrivateFileTarget }),
]);

export const cliChannels = {
  /** `run` and `run-collection`: a send with --var overrides; a failed send is an error, as the CLI reports it. */
  'cli:send': { input: CliSendInput, output: SendResult },
  /** `trace` and `run --dry-run`. */
  'cli:sign': { input: CliSignInput, output: SignResult },
  /** `flow`, with --var and --out-dir. */
  'cli:run-flow': { input: CliRunFlowInput, output: FlowRunState },
  /** --proxy, --ca, --insecure: every later send of this process uses them. */
  'cli:network-override': { input: NetworkOverrideInput, output: z.object({ applied: z.literal(true) }) },
  /** Unlocks with the key of this data directory's unlock agent, read by main itself. */
  'cli:unlock-with-agent': {
    input: z.strictObject({}),
    output: z.object({ unlocked: z.boolean(), warnings: z.array(z.string()) }),
  },
  /** `keygen --export-private FILE`. */
  'cli:export-private-key': {
    input: ExportPrivateFileInput,
    output: z.object({ path: z.string(), encrypted: z.boolean(), warning: z.string().nullable() }),
  },
  /** `workspace init --from-current`: writes the workspace in use into DIR as files, unless a credential is typed into it. */
  'cli:workspace-to-folder': {
    input: z.strictObject({ dir: LocalPath }),
    output: z.object({ written: z.boolean(), credentialsIn: z.array(z.string()) }),
  },
} as const;

export type Door = 'electron' | 'browser' | 'cli' | 'test';

/** Whether `door` may call `name`: the cli: channels belong to the command line alone. */
export function doorMayCall(door: Door, name: string): boolean {
  return !name.startsWith(CLI_CHANNEL_PREFIX) || door === 'cli';
}
