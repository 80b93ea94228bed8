import { join } from 'node:path';
import type { SandboxStatus } from '../contract/sandbox.ts';
import type { EventBus } from '../core/event-bus.ts';
import { createSandboxService, type SandboxStatus as RunningStatus } from '../sandbox/index.ts';
import { faultsFromEnvironment } from '../sandbox/faults.ts';

export type SandboxControl = {
  status(): SandboxStatus;
  start(): Promise<SandboxStatus>;
  stop(): Promise<SandboxStatus>;
};

/** The app's one on-demand sandbox, reported in the contract's terms and announced on change. */
export function createSandboxControl(bus: EventBus, dataDir: string): SandboxControl {
  // API users provisioned in the sandbox outlive it, as on MTN's: flows store them in environments and the vault.
  // COUNTERSIGN_SANDBOX_FAULTS (test only) makes it misbehave like a misconfigured deployment; the interface never sets it.
  const faults = faultsFromEnvironment();
  const service = createSandboxService({ momo: { usersFile: join(dataDir, 'sandbox', 'momo-api-users.json') }, ...(faults ? { faults } : {}) });
  const announce = (status: SandboxStatus) => {
    bus.emit('sandbox:changed', status);
    return status;
  };
  return {
    status: () => toContract(service.status()),
    start: async () => announce(toContract(await service.start())),
    stop: async () => {
      await service.stop();
      return announce(toContract(service.status()));
    },
  };
}

function toContract(status: RunningStatus): SandboxStatus {
  if (!status.running) return { running: false };
  const { paynet, momo, centagate, elecsnet } = status.endpoints;
  return { running: true, url: status.url, port: status.port, gateways: { paynet, momo, centagate, elecsnet } };
}
