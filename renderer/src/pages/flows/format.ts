import type { FlowView } from '../../../../main/contract/flows.ts';

type Environment = FlowView['environments'][number];

/** Re-declared from the contract (the renderer imports types only). */
const LOOPBACK_HOSTS: ReadonlySet<string> = new Set(['127.0.0.1', '::1', 'localhost']);

export function isLoopbackHost(host: string): boolean {
  return LOOPBACK_HOSTS.has(host.trim());
}

export function formatDuration(ms: number): string {
  return ms < 1000 ? `${String(Math.round(ms))} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/** The workbench's colours for environments: protected red, sandbox-like green, anything else amber. */
export function environmentTone(environment: Environment): 'protected' | 'sandbox' | 'staging' {
  if (environment.protected) return 'protected';
  return /sandbox|local|dev/i.test(environment.name) ? 'sandbox' : 'staging';
}

/** The environment a run starts in unless the user picks another: the sandbox, never a protected one by default. */
export function defaultEnvironment(environments: readonly Environment[]): Environment | undefined {
  return (
    environments.find((environment) => !environment.protected && /sandbox/i.test(environment.name)) ??
    environments.find((environment) => !environment.protected) ??
    environments[0]
  );
}
