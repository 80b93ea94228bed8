import { afterAll, beforeAll } from 'vitest';
import { AuthChain, type AuthStepInput } from '../../../main/contract/auth.ts';
import type { ExecuteOptions } from '../../../main/http/index.ts';
import { sendSigned, type SendResult } from '../../../main/requests/send-signed.ts';
import { startSandbox, type RunningSandbox } from '../../../main/sandbox/index.ts';
import { cryptoNonces, TokenCache, type SigningRequest } from '../../../main/signing/index.ts';

/** The same fixed "now" for the signer and the sandbox, so timestamp checks are deterministic. */
export const NOW_MS = Date.UTC(2026, 10, 23, 9, 30);

/**
 * The app's own pipeline, end to end, against the built-in sandbox: templates
 * resolved from an environment and an in-memory vault, the auth chain applied
 * by the signer, the request sent by the executor over real loopback HTTP and
 * verified by the sandbox's independent code.
 */
export function gatewayHarness(vault: Record<string, string>) {
  let sandbox: RunningSandbox | undefined;
  const tokens = new TokenCache({ now: () => NOW_MS });
  beforeAll(async () => {
    sandbox = await startSandbox({ clock: () => NOW_MS });
  });
  afterAll(async () => {
    await sandbox?.close();
  });
  const secrets = {
    get: (_environment: string, name: string) =>
      Object.hasOwn(vault, name) ? Promise.resolve(vault[name]!) : Promise.reject(new Error(`no secret ${name}`)),
  };
  return {
    url: () => sandbox!.url,
    tokens,
    send(request: SigningRequest, auth: AuthStepInput[], variables: Record<string, string> = {}, options: ExecuteOptions = {}): Promise<SendResult> {
      return sendSigned(
        // Parsed as a saved request's auth is, so the schema's defaults apply.
        { request, auth: AuthChain.parse(auth), environment: { name: 'Sandbox', variables: { baseUrl: sandbox!.url, ...variables } } },
        { clock: { now: () => NOW_MS }, nonces: cryptoNonces, secrets, tokens },
        options,
      );
    },
  };
}

export function bodyText(result: SendResult): string {
  if (!result.outcome.ok) throw new Error(`network failure: ${result.outcome.error.message}`);
  const preview = result.outcome.response.preview;
  return preview.encoding === 'utf8' ? preview.data : Buffer.from(preview.data, 'base64').toString('utf8');
}

export function status(result: SendResult): number {
  if (!result.outcome.ok) throw new Error(`network failure: ${result.outcome.error.message}`);
  return result.outcome.response.status;
}
