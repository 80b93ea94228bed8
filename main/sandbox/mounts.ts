/**
 * Real deployments rarely serve a gateway at the root of its origin: MoMo
 * behind /momo, PayNet under /osp/v2, and so on. A mount puts one gateway's
 * routes under a path prefix; matching strips the prefix, handlers still see
 * the full URL (signature base strings cover the path as the client sent it).
 */
import { matchRoute, type Route, type RouteMatch } from './http/router.ts';

export type Gateway = 'paynet' | 'momo' | 'centagate' | 'elecsnet';
export type SandboxMounts = Partial<Record<Gateway, string>>;

export type RouteGroup = { prefix: string; routes: readonly Route[] };

/** "/momo/" and "momo" both mean "/momo"; "" and "/" mean the root. Refuses what is not a plain path. */
export function normalizeMount(prefix: string | undefined): string {
  if (prefix === undefined) return '';
  const trimmed = prefix.trim().replace(/\/+$/, '');
  if (trimmed === '') return '';
  const withSlash = trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
  const dotSegment = withSlash.split('/').some((segment) => segment === '.' || segment === '..');
  if (dotSegment || !/^(\/[A-Za-z0-9._~-]+)+$/.test(withSlash)) throw new Error(`A sandbox mount is a plain path such as /momo or /osp/v2, not "${prefix}".`);
  return withSlash;
}

/** The first group whose prefix the path is under (longest prefixes first) decides; a gateway mounted elsewhere is not at the root. */
export function matchMounted(groups: readonly RouteGroup[], method: string, pathname: string): RouteMatch {
  const ordered = [...groups].sort((a, b) => b.prefix.length - a.prefix.length);
  let fallback: RouteMatch = { kind: 'not-found' };
  for (const group of ordered) {
    if (group.prefix !== '' && pathname !== group.prefix && !pathname.startsWith(`${group.prefix}/`)) continue;
    const rest = pathname.slice(group.prefix.length) || '/';
    const match = matchRoute(group.routes, method, rest);
    if (match.kind === 'found') return match;
    if (match.kind === 'wrong-method' && fallback.kind === 'not-found') fallback = match;
  }
  return fallback;
}

export const GATEWAYS: readonly Gateway[] = ['paynet', 'momo', 'centagate', 'elecsnet'];

/** `gateway=/prefix` command-line values (npm run sandbox, countersign sandbox). */
export function parseMountArguments(values: readonly string[] | undefined): SandboxMounts {
  const mounts: SandboxMounts = {};
  for (const value of values ?? []) {
    const at = value.indexOf('=');
    const gateway = GATEWAYS.find((name) => name === value.slice(0, at));
    if (at <= 0 || gateway === undefined) throw new Error(`--mount takes gateway=/prefix with a gateway among ${GATEWAYS.join(', ')}, not "${value}".`);
    mounts[gateway] = normalizeMount(value.slice(at + 1));
  }
  return mounts;
}
