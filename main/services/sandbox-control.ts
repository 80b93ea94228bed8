import { join } from 'node:path';
import type { SandboxStatus } from '../contract/sandbox.ts';
import type { EventBus } from '../core/event-bus.ts';
// The sandbox (its servers, node:http/https, its gateways) loads when it first starts: most commands never start it.
import type { SandboxService, SandboxStatus as RunningStatus } from '../sandbox/index.ts';

export type SandboxControl = {
  status(): SandboxStatus;
  start(): Promise<SandboxStatus>;
  stop(): Promise<SandboxStatus>;
};

/** The app's one on-demand sandbox, reported in the contract's terms and announced on change. */
export function createSandboxControl(bus: EventBus, dataDir: string): SandboxControl {
  // API users provisioned in the sandbox outlive it, as on MTN's: flows store them in environments and the vault.
  // COUNTERSIGN_SANDBOX_FAULTS (test only) makes it misbehave like a misconfigured deployment; the interface never sets it.
  // Read now, as when the sandbox loaded with the backend: whoever built this backend set (or unset) it for this backend only.
  const faultsSetting = process.env.COUNTERSIGN_SANDBOX_FAULTS;
  let service: SandboxService | null = null;
  let loading: Promise<SandboxService> | null = null;
  const load = (): Promise<SandboxService> =>
    (loading ??= (async () => {
      const [{ createSandboxService }, { faultsFromEnvironment }] = await Promise.all([import('../sandbox/index.ts'), import('../sandbox/faults.ts')]);
      const faults = faultsFromEnvironment({ COUNTERSIGN_SANDBOX_FAULTS: faultsSetting });
      service = createSandboxService({ momo: { usersFile: join(dataDir, 'sandbox', 'momo-api-users.json') }, ...(faults ? { faults } : {}) });
      return service;
    })());
  const announce = (status: SandboxStatus) => {
    bus.emit('sandbox:changed', status);
    return status;
  };
  return {
    // Never loaded means never started.
    status: () => (service ? toContract(service.status()) : { running: false }),
    start: async () => announce(toContract(await (await load()).start())),
    stop: async () => {
      const running = service ?? (loading ? await loading : null);
      if (!running) return announce({ running: false });
      await running.stop();
      return announce(toContract(running.status()));
    },
  };
}

function toContract(status: RunningStatus): SandboxStatus {
  if (!status.running) return { running: false };
  const { paynet, momo, centagate, elecsnet } = status.endpoints;
  return { running: true, url: status.url, port: status.port, gateways: { paynet, momo, centagate, elecsnet } };
}
