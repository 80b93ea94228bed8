/**
 * The environment and name a "secret_missing" error is about. Main words it
 * as `no secret "<name>" in environment "<environment>". Add it` (main/vault/
 * vault-errors.ts; a unit test keeps the two in step). Secret names cannot
 * hold a quote; an environment name may, so it runs up to `". Add it`.
 */
export function missingSecretOf(message: string): { environment: string; name: string } | null {
  const match = /no secret "([^"]+)" in environment "(.+?)"\. Add it/.exec(message);
  if (!match?.[1] || !match[2]) return null;
  return { name: match[1], environment: match[2] };
}

/** Hosts typed one a line (or separated by commas or spaces). */
export function parseHostList(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((host) => host.trim())
    .filter((host) => host !== '');
}

/**
 * What a "secret_host_refused" error is about. Main words it as
 * `The secret(s) "a", "b" of environment "E" may not be sent to HOST[ by a redirect]: `
 * (main/vault/hosts/host-guard.ts; a unit test keeps the two in step).
 */
export function refusedHostOf(message: string): { environment: string; names: string[]; host: string } | null {
  const match = /^The secrets? ((?:"[^"]+"(?:, )?)+) of environment "(.+?)" may not be sent to (\S+?)(?: by a redirect)?: /.exec(message);
  if (!match?.[1] || !match[2] || !match[3]) return null;
  const names = [...match[1].matchAll(/"([^"]+)"/g)].map((found) => found[1] ?? '').filter((name) => name !== '');
  return { environment: match[2], names, host: match[3] };
}
