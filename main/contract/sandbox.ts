import { z } from 'zod';
import { noInput } from './limits.ts';

/** The built-in sandbox: a loopback server emulating the seed gateways, started on demand. */
export const SandboxStatus = z.discriminatedUnion('running', [
  z.object({ running: z.literal(false) }),
  z.object({
    running: z.literal(true),
    url: z.string(),
    port: z.number().int(),
    /** Base URL of each emulated gateway. */
    gateways: z.object({ paynet: z.string(), momo: z.string(), centagate: z.string(), elecsnet: z.string() }),
  }),
]);
export type SandboxStatus = z.infer<typeof SandboxStatus>;

export const sandboxChannels = {
  'sandbox:status': { input: noInput, output: SandboxStatus },
  'sandbox:start': { input: noInput, output: SandboxStatus },
  'sandbox:stop': { input: noInput, output: SandboxStatus },
} as const;

export const sandboxEvents = {
  'sandbox:changed': SandboxStatus,
} as const;
