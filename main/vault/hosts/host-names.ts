import type { WorkspaceDocument } from '../../contract/workspace.ts';
import { ServiceError } from '../../contract/errors.ts';

/** Stands for the built-in sandbox, whose port changes at each start: resolved to its current origin at send time. */
export const SANDBOX_HOST = 'builtin:sandbox';

/**
 * A host as URL.host writes it: lower-case name, IPv6 in brackets, the port
 * only when it is not the scheme's default. Accepts "api.example.com",
 * "API.example.com:8443", "https://api.example.com/x" (the host is taken).
 */
export function normalizeHost(input: string): string {
  const text = input.trim();
  if (text === SANDBOX_HOST) return text;
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`);
  } catch {
    throw new ServiceError('invalid_input', `"${text}" is not a host: write it as name[:port], e.g. api.example.com or 127.0.0.1:8443.`);
  }
  if (url.host === '' || url.username !== '' || url.password !== '') {
    throw new ServiceError('invalid_input', `"${text}" is not a host: write it as name[:port], e.g. api.example.com or 127.0.0.1:8443.`);
  }
  return url.host;
}

export function normalizeHosts(inputs: readonly string[]): string[] {
  return [...new Set(inputs.map(normalizeHost))];
}

// The environment variables that say where its API lives; a callback URL (our inbox) is deliberately not one.
const ORIGIN_VARIABLE = /^(base|token|api|auth)[_-]?(url|uri|host|origin)$/i;

/**
 * Where a new secret of `environment` may go by default: the built-in
 * sandbox (symbolically) for its environments, else the hosts of the base
 * and token URLs of every environment with that name.
 */
export function defaultHostsFor(document: WorkspaceDocument, environment: string): string[] {
  const hosts = new Set<string>();
  for (const id of document.collections) {
    const collection = document.nodes[id];
    if (collection?.kind !== 'collection') continue;
    for (const env of collection.environments) {
      if (env.name !== environment) continue;
      if (env.builtInSandbox === true) {
        hosts.add(SANDBOX_HOST);
        continue;
      }
      for (const variable of env.variables) {
        if (!ORIGIN_VARIABLE.test(variable.name)) continue;
        try {
          const url = new URL(variable.value);
          if ((url.protocol === 'https:' || url.protocol === 'http:') && url.host !== '') hosts.add(url.host);
        } catch {
          // Not an absolute URL (e.g. still holds {{...}}): nothing to bind to.
        }
      }
    }
  }
  return [...hosts];
}

/** What "builtin:sandbox" means while the sandbox runs: its loopback origin on the current port. */
export function sandboxHostsOf(status: { running: false } | { running: true; port: number }): string[] {
  if (!status.running) return [];
  const port = String(status.port);
  return [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`];
}
