import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { X509Certificate } from 'node:crypto';
import { ProxyUrl } from '../../contract/network.ts';
import type { Environment } from '../../contract/workspace.ts';
import type { Backend } from '../../services/backend.ts';
import { EXIT } from '../exit-codes.ts';
import { CliError } from '../io.ts';
import { service } from '../service-errors.ts';

/** --proxy, --ca and --insecure for run, run-collection and flow: they win over the environment's network settings for this run. */
export const NETWORK_OVERRIDE_OPTIONS = {
  proxy: { type: 'string' },
  ca: { type: 'string' },
  insecure: { type: 'boolean', default: false },
} as const;

export const NETWORK_OVERRIDE_HELP = `  --proxy URL         send through this HTTP proxy instead of the environment's
  --ca FILE           trust the PEM CA(s) in FILE instead of the environment's CA secret
  --insecure          do not verify TLS certificates (refused for protected environments)`;

/** Reads and checks the flags, then gives them to the request service: every send of this process (flow steps and token fetches too) uses them. */
export async function applyNetworkOverrides(
  backend: Backend,
  values: { proxy?: string | undefined; ca?: string | undefined; insecure?: boolean | undefined },
  io: { err: (text: string) => void },
  environment?: Environment,
): Promise<void> {
  let proxyUrl: string | undefined;
  if (values.proxy !== undefined) {
    const parsed = ProxyUrl.safeParse(values.proxy);
    if (!parsed.success) throw new CliError(`--proxy: ${parsed.error.issues[0]?.message ?? 'not a proxy URL'}`, EXIT.usage);
    proxyUrl = parsed.data;
  }
  let ca: { pem: string; file: string } | undefined;
  if (values.ca !== undefined) {
    const file = resolve(values.ca);
    let pem: string;
    try {
      pem = await readFile(file, 'utf8');
    } catch (error) {
      throw new CliError(`--ca: cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`, EXIT.usage);
    }
    try {
      new X509Certificate(pem);
    } catch {
      throw new CliError(`--ca: ${file} holds no PEM certificate.`, EXIT.usage);
    }
    ca = { pem, file };
  }
  if (values.insecure === true) io.err('warning: --insecure: TLS certificates are NOT verified for this run.\n');
  else if (environment?.network?.verifyTls === false) {
    io.err(`warning: TLS certificates are NOT verified for "${environment.name}" (its network settings; "countersign env set ... --verify" turns checks back on).\n`);
  }
  await service(() => backend.dispatcher.call('cli:network-override', { ...(proxyUrl === undefined ? {} : { proxyUrl }), ...(ca === undefined ? {} : { ca }), insecure: values.insecure === true }));
}
