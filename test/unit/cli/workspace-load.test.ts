import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CliContext } from '../../../main/cli/context.ts';
import { EXIT } from '../../../main/cli/exit-codes.ts';
import { runCli } from '../../../main/cli/index.ts';
import type { RequestNode, WorkspaceDocument } from '../../../main/contract/workspace.ts';
import { createConfStoreFactory } from '../../../main/platform/conf-store.ts';
import { createBackend } from '../../../main/services/backend.ts';
import { randomIds } from '../../../main/workspace/ids.ts';
import { buildSampleWorkspace } from '../../../main/workspace/samples/sample-workspace.ts';
import { StoredDocument } from '../../../main/workspace/stored-schema.ts';
import { createWorkspaceFileStore, WORKSPACE_FILE_NAME } from '../../../main/workspace/workspace-store.ts';
import { bufferIo } from '../../support/cli-io.ts';
import { makeTempDir } from '../../support/temp-dir.ts';
import { testContext } from '../../integration/cli/cli-fixture.ts';

// CLI start-up (#16): the workspace file as Countersign wrote it is not validated in full at every command;
// a file edited by hand still is, and a bad one is refused with the place of the problem.
describe('loading workspace.json', () => {
  let dir: Awaited<ReturnType<typeof makeTempDir>>;
  let doc: WorkspaceDocument;
  const file = () => join(dir.path, WORKSPACE_FILE_NAME);
  const firstRequest = (document: WorkspaceDocument): RequestNode => {
    const found = Object.values(document.nodes).find((node): node is RequestNode => node.kind === 'request' && node.method === 'POST');
    if (!found) throw new Error('the samples hold a POST request');
    return found;
  };

  beforeEach(async () => {
    dir = await makeTempDir();
    doc = buildSampleWorkspace({ sandboxPort: 0, ids: randomIds });
    createWorkspaceFileStore(dir.path).save(doc);
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    await dir.remove();
  });

  it('skips the full schema check for a file exactly as it was written, and reads the same document', () => {
    const check = vi.spyOn(StoredDocument, 'safeParse');
    const outcome = createWorkspaceFileStore(dir.path).load();
    expect(check).not.toHaveBeenCalled();
    expect(outcome).toEqual({ kind: 'loaded', document: JSON.parse(JSON.stringify(doc)) as unknown });
  });

  it('checks a hand-edited file in full and takes a valid edit', () => {
    const request = firstRequest(doc);
    writeFileSync(file(), readFileSync(file(), 'utf8').replace(JSON.stringify(request.name), JSON.stringify('Renamed by hand')));
    const check = vi.spyOn(StoredDocument, 'safeParse');
    const outcome = createWorkspaceFileStore(dir.path).load();
    expect(check).toHaveBeenCalledTimes(1);
    expect(outcome.kind === 'loaded' ? outcome.document.nodes[request.id]?.name : outcome).toBe('Renamed by hand');
  });

  it('refuses a hand-edited bad field with its place, keeps the file aside, and the CLI says so', async () => {
    const request = firstRequest(doc);
    // The seal is left in place, as an editor would leave it: only the content changed.
    const edited = readFileSync(file(), 'utf8').replace(`"method":"POST"`, `"method":42`);
    expect(edited).not.toBe(readFileSync(file(), 'utf8'));
    writeFileSync(file(), edited);
    const io = bufferIo({});
    // As the real CLI does (default-context.ts): main's log lines go to stderr.
    const context: CliContext = {
      ...testContext(),
      openBackend: (dataDir) => createBackend({ mode: 'cli', dataDir, stores: createConfStoreFactory(dataDir), log: (message) => io.err(`countersign: ${message}\n`) }),
    };
    const code = await runCli(['list', '--data-dir', dir.path], io, context);
    expect(code).toBe(EXIT.ok);
    expect(io.stderr()).toMatch(new RegExp(`workspace: .*workspace\\.json could not be used \\(The workspace file is not valid at nodes\\.${request.id}\\.method: .*\\); it was kept as .*workspace\\.json\\.unreadable-\\d+`));
    const kept = readdirSync(dir.path).find((name) => name.startsWith(`${WORKSPACE_FILE_NAME}.unreadable-`));
    expect(kept && readFileSync(join(dir.path, kept), 'utf8')).toBe(edited);
  });
});
