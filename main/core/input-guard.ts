/**
 * A structural check that runs before any schema: it bounds the shape of what
 * a door received and refuses keys that could reach Object.prototype if some
 * later code merged the input into an object. Schemas then check meaning.
 */
export const INPUT_LIMITS = {
  maxDepth: 32,
  maxKeys: 10_000,
  maxStringLength: 4 * 1024 * 1024,
} as const;

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export type GuardIssue = { path: string; message: string };

export function checkInputShape(value: unknown): GuardIssue | null {
  let keys = 0;
  const tooMany = (path: string): GuardIssue => ({ path, message: `more than ${INPUT_LIMITS.maxKeys} keys in all` });
  // Counts while walking and stops at the first key past the limit: a huge input costs
  // at most maxKeys + 1 visits, never a list of all its keys.
  const walk = (node: unknown, path: string, depth: number): GuardIssue | null => {
    if (depth > INPUT_LIMITS.maxDepth) return { path, message: `nested deeper than ${INPUT_LIMITS.maxDepth} levels` };
    if (typeof node === 'string') {
      return node.length > INPUT_LIMITS.maxStringLength
        ? { path, message: `string longer than ${INPUT_LIMITS.maxStringLength} characters` }
        : null;
    }
    if (node === null || typeof node !== 'object') return null;
    if (Array.isArray(node)) {
      // An array's length says how many keys it brings before any is listed.
      if (keys + node.length > INPUT_LIMITS.maxKeys) return tooMany(path);
    } else {
      const proto: unknown = Object.getPrototypeOf(node);
      if (proto !== Object.prototype && proto !== null) return { path, message: 'only plain objects and arrays are accepted' };
    }
    if (Object.getOwnPropertySymbols(node).length > 0) return { path, message: 'symbol keys are not accepted' };
    // for...in yields own enumerable keys (the only kind JSON and structured clone make), array indices included.
    for (const key in node) {
      if (!Object.hasOwn(node, key)) continue;
      if (FORBIDDEN_KEYS.has(key)) return { path: join(path, key), message: `the key "${key}" is not allowed` };
      if (++keys > INPUT_LIMITS.maxKeys) return tooMany(path);
      const issue = walk((node as Record<string, unknown>)[key], join(path, key), depth + 1);
      if (issue) return issue;
    }
    return null;
  };
  return walk(value, '', 0);
}

function join(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}
