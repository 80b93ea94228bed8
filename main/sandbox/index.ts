/** Public surface of the built-in sandbox for the app, the CLI and tests. */
export { startSandbox, type RunningSandbox } from './server.ts';
export type { SandboxOptions, CentagateHmacOrder } from './environment.ts';
export {
  SANDBOX_CREDENTIALS,
  SANDBOX_MERCHANT_PRIVATE_KEY_PATH,
  SANDBOX_MERCHANT_PUBLIC_KEY_PATH,
  readSandboxMerchantPrivateKey,
  type SandboxCredentials,
} from './credentials.ts';
export { sandboxEndpoints, type SandboxEndpoints } from './endpoints.ts';
export { parseMountArguments, type Gateway, type SandboxMounts } from './mounts.ts';
export { createSandboxService, type SandboxService, type SandboxStatus } from './service.ts';
