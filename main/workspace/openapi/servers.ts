import type { ExportedEnvironment } from '../exchange/format.ts';
import { DEFAULT_ENVIRONMENTS } from '../defaults.ts';
import { entries, obj, str } from './json-reading.ts';

/**
 * One environment per server, named by its description (or host), with the
 * URL (server variables at their defaults) as `baseUrl`. A name that says
 * production or live is protected. No servers: the usual three environments
 * with an empty `baseUrl`.
 */
export function environmentsFromServers(servers: unknown[], warnings: string[]): ExportedEnvironment[] {
  const made: ExportedEnvironment[] = [];
  const taken = new Set<string>();
  for (const server of servers) {
    const object = obj(server);
    const template = str(object?.url);
    if (!object || template === undefined) continue;
    const url = template.replace(/\{([^{}]+)\}/g, (whole, variable: string) => {
      const value = str(obj(obj(object.variables)?.[variable])?.default);
      if (value === undefined) warnings.push(`The server ${template} has no default for {${variable}}; it was kept as {{${variable}}}.`);
      return value ?? `{{${variable}}}`;
    }).replace(/\/+$/, '');
    if (!/^https?:\/\//i.test(url)) warnings.push(`The server "${template}" is relative: put the gateway's origin in front of it in baseUrl.`);
    const name = uniqueName(nameOf(str(object.description), url), taken);
    made.push({
      name,
      protected: /\b(prod|production|live)\b/i.test(name),
      variables: [{ name: 'baseUrl', value: url, enabled: true }, ...serverVariables(object.variables)],
      secrets: [],
    });
    if (made.length === 50) break;
  }
  if (made.length > 0) return made;
  warnings.push('The document lists no servers: set baseUrl in each environment.');
  return DEFAULT_ENVIRONMENTS.map((environment) => ({ ...environment, variables: [{ name: 'baseUrl', value: '', enabled: true }], secrets: [] }));
}

function nameOf(description: string | undefined, url: string): string {
  const text = (description ?? '').trim();
  if (text !== '') return text.slice(0, 64).trim();
  try {
    return new URL(url).host.slice(0, 64) || 'Server';
  } catch {
    return 'Server';
  }
}

function uniqueName(name: string, taken: Set<string>): string {
  let candidate = name;
  for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${name.slice(0, 58)} (${String(n)})`;
  taken.add(candidate.toLowerCase());
  return candidate;
}

/** Server variables stay visible as environment variables, at their defaults. */
function serverVariables(variables: unknown): { name: string; value: string; enabled: boolean }[] {
  return entries(variables).flatMap(([name, spec]) => {
    const value = str(obj(spec)?.default);
    return value === undefined ? [] : [{ name, value, enabled: true }];
  });
}
