import type { WorkspaceDocument } from '../contract/workspace.ts';

const LOOPBACK_ORIGIN = /\bhttp:\/\/(127\.0\.0\.1|localhost|\[::1\]):\d{1,5}(?=\/|$)/g;

/**
 * Points every environment marked `builtInSandbox` at the sandbox's current
 * port: loopback origins in its variable values get the new port. Returns
 * how many values changed (0: nothing to save).
 */
export function retargetBuiltInSandbox(doc: WorkspaceDocument, port: number): number {
  let changed = 0;
  for (const id of doc.collections) {
    const collection = doc.nodes[id];
    if (collection?.kind !== 'collection') continue;
    for (const env of collection.environments) {
      if (env.builtInSandbox !== true) continue;
      for (const variable of env.variables) {
        const next = variable.value.replace(LOOPBACK_ORIGIN, (_match, host: string) => `http://${host}:${String(port)}`);
        if (next !== variable.value) {
          variable.value = next;
          changed++;
        }
      }
    }
  }
  return changed;
}
