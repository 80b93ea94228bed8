/**
 * One on-demand sandbox for the app: start is idempotent (concurrent calls share
 * one start), stop is safe when nothing runs. The doors wire this to channels.
 */
import type { SandboxOptions } from './environment.ts';
import { sandboxEndpoints, type SandboxEndpoints } from './endpoints.ts';
import { startSandbox, type RunningSandbox } from './server.ts';

export type SandboxStatus = { running: false } | { running: true; url: string; port: number; endpoints: SandboxEndpoints };

export type SandboxService = {
  start: (options?: SandboxOptions) => Promise<SandboxStatus>;
  stop: () => Promise<void>;
  status: () => SandboxStatus;
};

function statusOf(sandbox: RunningSandbox | undefined): SandboxStatus {
  return sandbox ? { running: true, url: sandbox.url, port: sandbox.port, endpoints: sandboxEndpoints(sandbox.url) } : { running: false };
}

export function createSandboxService(defaults: SandboxOptions = {}): SandboxService {
  let running: RunningSandbox | undefined;
  let starting: Promise<RunningSandbox> | undefined;

  return {
    async start(options = {}) {
      if (running) return statusOf(running);
      starting ??= startSandbox({ ...defaults, ...options }).finally(() => {
        starting = undefined;
      });
      running = await starting;
      return statusOf(running);
    },
    async stop() {
      const current = running ?? (await starting?.catch(() => undefined));
      running = undefined;
      await current?.close();
    },
    status: () => statusOf(running),
  };
}
