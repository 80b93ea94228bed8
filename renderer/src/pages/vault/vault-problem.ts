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
