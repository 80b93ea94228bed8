import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { realpath } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT } from '../../../main/cli/exit-codes.ts';
import type { BodyFileFolders } from '../../../main/contract/files.ts';
import type { ImportSummary, TreeListing } from '../../../main/contract/workspace.ts';
import type { Backend } from '../../../main/services/backend.ts';
import { contractCaller, testBackend } from '../../support/backend.ts';
import { makeTempDir } from '../../support/temp-dir.ts';
import { cli, PASSPHRASE } from '../cli/cli-fixture.ts';

// A collection from anyone may name any local file as a body. Here an
// imported collection names a file in a folder nobody allowed: every door
// must refuse it before anything reaches the server (which counts every
// connection), and send it once the user allowed its folder.

describe('body files only from folders the user allowed', () => {
  let temp: Awaited<ReturnType<typeof makeTempDir>>;
  let dataDir = '';
  let uploads = '';
  let backend: Backend;
  let server: Server;
  let port = 0;
  let connections = 0;
  const received: Buffer[] = [];
  const call = contractCaller(() => backend);
  const payload = randomBytes(3000);

  const postman = () => ({
    info: { name: 'Partner uploads', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
    item: [
      { name: 'Upload statement', request: { method: 'PUT', url: `http://127.0.0.1:${String(port)}/upload`, body: { mode: 'file', file: { src: join(uploads, 'statement.bin') } } } },
      {
        name: 'Upload form',
        request: {
          method: 'POST',
          url: `http://127.0.0.1:${String(port)}/form`,
          body: { mode: 'formdata', formdata: [{ key: 'doc', type: 'file', src: join(uploads, 'statement.bin') }, { key: 'note', type: 'text', value: 'hi' }] },
        },
      },
    ],
  });

  beforeAll(async () => {
    temp = await makeTempDir('countersign-body-access-');
    const root = await realpath(temp.path);
    dataDir = join(root, 'data');
    uploads = join(root, 'uploads');
    mkdirSync(dataDir);
    mkdirSync(uploads);
    writeFileSync(join(uploads, 'statement.bin'), payload);
    server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        received.push(Buffer.concat(chunks));
        response.end('{"ok":true}');
      });
    });
    server.on('connection', () => (connections += 1));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
    backend = testBackend(dataDir);
    await call('vault:setup', { passphrase: PASSPHRASE });
  });
  afterAll(async () => {
    await backend.close();
    await new Promise((resolve) => server.close(resolve));
    await temp.remove();
  });

  it('an import lists the files its bodies read and says they are not allowed yet', async () => {
    const summary = await call<ImportSummary>('workspace:import-postman', { text: JSON.stringify(postman()), secretsEnvironment: 'UAT' });
    const file = join(uploads, 'statement.bin');
    expect(summary.warnings).toContain(`Request bodies here read these local files when sent: ${file}.`);
    expect(summary.warnings.some((warning) => warning.startsWith('Not allowed yet') && warning.endsWith(`${file}.`))).toBe(true);
  });

  it('the app refuses the send before anything reaches the server, naming the path and how to allow it; allowed, it sends the bytes', async () => {
    const tree = await call<TreeListing>('workspace:tree', {});
    const request = tree.entries.find((entry) => entry.name === 'Upload statement');
    if (!request) throw new Error('the import made no request');
    const collection = tree.entries.find((entry) => entry.name === 'Partner uploads');
    const environments = await call<{ id: string }[]>('workspace:environments', { collectionId: collection?.id });
    const environmentId = environments[0]?.id;
    await expect(call('requests:send', { requestId: request.id, environmentId })).rejects.toThrow(
      new RegExp(`statement\\.bin is not in a folder you allowed for request bodies\\. Nothing was sent\\. Allow ${uploads} .*countersign files allow ${uploads}$`),
    );
    // Nor does a dry run read it.
    await expect(call('requests:sign', { requestId: request.id, environmentId })).rejects.toThrow(/not in a folder you allowed/);
    expect(connections).toBe(0);

    await call<BodyFileFolders>('files:allow-body-folder', { path: uploads });
    await call('requests:send', { requestId: request.id, environmentId });
    expect(connections).toBe(1);
    expect(createHash('sha256').update(received.at(-1) ?? Buffer.alloc(0)).digest('hex')).toBe(createHash('sha256').update(payload).digest('hex'));
    await call<BodyFileFolders>('files:forget-body-folder', { path: uploads });
  });

  it('the CLI refuses the same way, and "files allow" lets it send', async () => {
    await backend.close();
    const before = connections;
    const refused = await cli(dataDir, ['run', 'Partner uploads/Upload form', '--env', 'UAT']);
    expect(refused.code).toBe(EXIT.config);
    expect(refused.stderr).toContain(`countersign files allow ${uploads}`);
    expect(connections).toBe(before);

    const listedEmpty = await cli(dataDir, ['files', 'list']);
    expect(listedEmpty.stdout).toContain('No folders allowed for request bodies.');
    expect(listedEmpty.stdout).toContain('(SSH keys)');
    expect((await cli(dataDir, ['files', 'allow', dataDir])).code).toBe(EXIT.config);

    const allowed = await cli(dataDir, ['files', 'allow', uploads]);
    expect(allowed.code, allowed.stderr).toBe(EXIT.ok);
    expect((await cli(dataDir, ['files', 'list', '--json'])).stdout).toContain(JSON.stringify(uploads));
    const sent = await cli(dataDir, ['run', 'Partner uploads/Upload form', '--env', 'UAT']);
    expect(sent.code, sent.stderr).toBe(EXIT.ok);
    expect(connections).toBe(before + 1);
    expect(received.at(-1)?.includes(payload)).toBe(true);

    expect((await cli(dataDir, ['files', 'forget', uploads])).code).toBe(EXIT.ok);
    expect((await cli(dataDir, ['run', 'Partner uploads/Upload form', '--env', 'UAT'])).code).toBe(EXIT.config);
    expect(connections).toBe(before + 1);
    expect((await cli(dataDir, ['files', 'allow'])).code).toBe(EXIT.usage);
  });
});
