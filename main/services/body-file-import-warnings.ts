import type { RequestNode } from '../contract/workspace.ts';
import type { Handlers } from '../core/dispatcher.ts';
import { checkBodyFile, type BodyFileRules } from '../requests/file-access.ts';
import { subtreeIds, findNode } from '../workspace/document.ts';
import type { WorkspaceService } from '../workspace/workspace-service.ts';

type ImportChannel = 'workspace:import-postman' | 'workspace:import-collection' | 'workspace:import-openapi' | 'workspace:import-curl';

function bodyPaths(requests: readonly RequestNode[]): string[] {
  const paths = requests.flatMap((request) =>
    request.body.kind === 'binary' ? [request.body.path] : request.body.kind === 'multipart' ? request.body.parts.flatMap((part) => (part.kind === 'file' ? [part.path] : [])) : [],
  );
  return [...new Set(paths.filter((path) => path.trim() !== ''))];
}

/**
 * An import may name any local file as a body. It cannot allow one (the
 * allow-list is the user's, in settings), so the summary says which files
 * its requests would read and which of them a send will refuse until the
 * user allows their folder.
 */
export async function bodyFileWarning(requests: readonly RequestNode[], rules: BodyFileRules): Promise<string[]> {
  const paths = bodyPaths(requests);
  if (paths.length === 0) return [];
  const refused: string[] = [];
  for (const path of paths) {
    if (path.includes('{{')) continue;
    const verdict = await checkBodyFile(path, rules).catch(() => null);
    if (verdict?.kind !== 'allowed') refused.push(verdict?.kind === 'never' ? `${path} (never: ${verdict.place.what})` : path);
  }
  const listed = `Request bodies here read these local files when sent: ${paths.join(', ')}.`;
  if (refused.length === 0) return [listed];
  return [listed, `Not allowed yet, so a send refuses them until you allow their folder (body editor, or "countersign files allow FOLDER"): ${refused.join(', ')}.`];
}

/** The import channels, each answering with the body-file warnings of what it imported. */
export function withBodyFileWarnings(handlers: Pick<Handlers, ImportChannel>, workspace: WorkspaceService, rules: BodyFileRules): Pick<Handlers, ImportChannel> {
  const requestsUnder = (id: string): RequestNode[] =>
    subtreeIds(workspace.document, id).flatMap((nodeId) => {
      const node = findNode(workspace.document, nodeId);
      return node?.kind === 'request' ? [node] : [];
    });
  const summary =
    <C extends Exclude<ImportChannel, 'workspace:import-curl'>>(channel: C): Handlers[C] =>
    (async (input: Parameters<Handlers[C]>[0], context: Parameters<Handlers[C]>[1]) => {
      const handler = handlers[channel] as (i: typeof input, c: typeof context) => ReturnType<Handlers[C]>;
      const result = await handler(input, context);
      return { ...result, warnings: [...result.warnings, ...(await bodyFileWarning(requestsUnder(result.collectionId), rules))] };
    }) as Handlers[C];
  return {
    'workspace:import-postman': summary('workspace:import-postman'),
    'workspace:import-collection': summary('workspace:import-collection'),
    'workspace:import-openapi': summary('workspace:import-openapi'),
    'workspace:import-curl': async (input, context) => {
      const result = await handlers['workspace:import-curl'](input, context);
      return { ...result, warnings: [...result.warnings, ...(await bodyFileWarning([result.request], rules))] };
    },
  };
}
