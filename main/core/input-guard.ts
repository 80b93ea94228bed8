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
  const walk = (node: unknown, path: string, depth: number): GuardIssue | null => {
    if (depth > INPUT_LIMITS.maxDepth) return { path, message: `nested deeper than ${INPUT_LIMITS.maxDepth} levels` };
    if (typeof node === 'string') {
      return node.length > INPUT_LIMITS.maxStringLength
        ? { path, message: `string longer than ${INPUT_LIMITS.maxStringLength} characters` }
        : null;
    }
    if (node === null || typeof node !== 'object') return null;
    const proto: unknown = Object.getPrototypeOf(node);
    if (!Array.isArray(node) && proto !== Object.prototype && proto !== null) {
      return { path, message: 'only plain objects and arrays are accepted' };
    }
    for (const key of Reflect.ownKeys(node)) {
      if (typeof key === 'symbol') return { path, message: 'symbol keys are not accepted' };
      if (FORBIDDEN_KEYS.has(key)) return { path: join(path, key), message: `the key "${key}" is not allowed` };
      if (++keys > INPUT_LIMITS.maxKeys) return { path, message: `more than ${INPUT_LIMITS.maxKeys} keys in all` };
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
