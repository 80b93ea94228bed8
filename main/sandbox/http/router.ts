/** A tiny method + path-pattern route table; the sandbox needs nothing more. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { SandboxHttpError } from './http-error.ts';

export type RouteContext = {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  /** The pattern's capture groups, decoded. */
  params: string[];
};

export type RouteHandler = (context: RouteContext) => Promise<void> | void;

export type Route = { method: string; pattern: RegExp; handler: RouteHandler };

export type RouteMatch =
  | { kind: 'found'; handler: RouteHandler; params: string[] }
  | { kind: 'wrong-method'; allowed: string[] }
  | { kind: 'not-found' };

export function matchRoute(routes: readonly Route[], method: string, pathname: string): RouteMatch {
  const allowed: string[] = [];
  for (const route of routes) {
    const found = route.pattern.exec(pathname);
    if (!found) continue;
    if (route.method !== method) {
      allowed.push(route.method);
      continue;
    }
    return { kind: 'found', handler: route.handler, params: found.slice(1).map(decodePathPart) };
  }
  return allowed.length > 0 ? { kind: 'wrong-method', allowed } : { kind: 'not-found' };
}

function decodePathPart(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    throw new SandboxHttpError(400, `The path segment "${part}" has a malformed percent-escape.`);
  }
}
