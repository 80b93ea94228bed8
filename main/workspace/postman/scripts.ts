import type pm from 'postman-collection';

/** A Postman script Countersign does not run, by where it was. */
export type DroppedScript = { request: string; kinds: ('prerequest' | 'test')[] };

type HasEvents = { events?: pm.EventList };

/**
 * The pre-request and test scripts on an item, folder or the collection, which
 * the import leaves out; empty scripts (Postman saves `[""]`) are not listed.
 */
export function scriptsOf(owner: HasEvents, where: string): DroppedScript | undefined {
  const kinds = new Set<'prerequest' | 'test'>();
  for (const event of owner.events?.all() ?? []) {
    const listen = event.listen;
    if (listen !== 'prerequest' && listen !== 'test') continue;
    const exec = event.script?.exec ?? [];
    const lines = Array.isArray(exec) ? exec : [String(exec)];
    if (lines.some((line) => line.trim() !== '')) kinds.add(listen);
  }
  return kinds.size === 0 ? undefined : { request: where, kinds: [...kinds].sort() };
}
