import { randomUUID } from 'node:crypto';

/** Where new node ids come from; injected so tests get predictable ids. */
export type IdSource = () => string;

export const randomIds: IdSource = () => randomUUID();

/** `prefix-1`, `prefix-2`, ...: readable ids for tests and fixtures. */
export function sequentialIds(prefix = 'id'): IdSource {
  let next = 0;
  return () => `${prefix}-${String(++next)}`;
}
