/**
 * How deep a parsed Postman file may nest (objects and arrays, counted from
 * the top): about 95 folder levels, more than any real collection has, and
 * far below the depth where the Postman library's recursion runs out of stack.
 */
export const MAX_POSTMAN_NESTING = 200;

/**
 * True when `value` nests deeper than `limit`. Iterative, so a file nested
 * thousands of levels deep is measured without recursion of its own, and the
 * walk stops at the first value past the limit.
 */
export function nestedDeeperThan(value: unknown, limit: number): boolean {
  const stack: { node: unknown; depth: number }[] = [{ node: value, depth: 0 }];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const { node, depth } = next;
    if (node === null || typeof node !== 'object') continue;
    if (depth >= limit) return true;
    for (const child of Object.values(node)) if (child !== null && typeof child === 'object') stack.push({ node: child, depth: depth + 1 });
  }
  return false;
}
