import { HTTP_METHOD_PATTERN, type WorkspaceDocument } from '../contract/workspace.ts';

/**
 * Older versions stored whatever `curl -X` said (`GET;rm`), which then broke
 * every read of the workspace. On load such a method becomes its leading
 * token (`GET`), or GET when there is none, and the request's description
 * says what it was, so nothing is silently lost.
 */
export function repairMethods(doc: WorkspaceDocument): WorkspaceDocument {
  for (const [id, node] of Object.entries(doc.nodes)) {
    if (node.kind !== 'request' || (HTTP_METHOD_PATTERN.test(node.method) && node.method.length <= 20)) continue;
    const lead = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]{1,20}/.exec(node.method)?.[0] ?? 'GET';
    const note = `The stored method ${JSON.stringify(node.method.slice(0, 100))} was not an HTTP method; it was replaced by ${lead.toUpperCase()}.`;
    doc.nodes[id] = { ...node, method: lead.toUpperCase(), description: (node.description ? `${note}\n\n${node.description}` : note).slice(0, 100_000) };
  }
  return doc;
}
