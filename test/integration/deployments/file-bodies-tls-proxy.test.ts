/**
 * Multipart and binary-file bodies in the shapes a gateway is really reached
 * in: HTTPS with the deployment's own CA (trusted through a vault secret),
 * and through Debian's tinyproxy, both over CONNECT to HTTPS and forwarding
 * plain HTTP. The server counts what arrived; python3's email parser splits
 * the multipart body and SHA-256 compares the binary one. Certificates come
 * from the openssl command line.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { createServer as createHttpServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NetworkSettings } from '../../../main/contract/network.ts';
import type { RequestBody } from '../../../main/contract/workspace.ts';
import type { Backend } from '../../../main/services/backend.ts';
import { testBackend } from '../../support/backend.ts';
import { ENV, uatEnvironmentId } from './shape-setup.ts';
import { makeTestPki, type TestPki } from '../../support/openssl-ca.ts';
import { makeTempDir } from '../../support/temp-dir.ts';
import { startTinyproxy, type RunningProxy } from '../../support/tinyproxy.ts';
import { checkMultipart, recordRequests, type Seen } from '../requests/multipart-check.ts';

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

let dir: Awaited<ReturnType<typeof makeTempDir>>;
let pki: TestPki;
let httpsOrigin = '';
let httpOrigin = '';
let proxy: RunningProxy;
let backend: Backend;
let collectionId = '';
let environmentId = '';
let formId = '';
let binaryId = '';
const seen: Seen[] = [];
const closers: (() => Promise<void>)[] = [];
// Bytes a careless encoder or proxy would damage: CR LF, a boundary-like line, NUL, high bytes; large enough to span many TCP writes.
const blob = Buffer.concat([Buffer.from('\r\n--boundary-lookalike\r\n'), randomBytes(3 * 1024 * 1024), Buffer.from([0, 13, 10, 255])]);
const csv = Buffer.from('id,amount\r\n1,100.00\r\n');

async function listen(server: ReturnType<typeof createHttpServer>): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return (server.address() as AddressInfo).port;
}

beforeAll(async () => {
  dir = await makeTempDir('countersign-file-shapes-');
  pki = await makeTestPki(dir.path, 'Files');
  const httpsPort = await listen(createHttpsServer({ key: pki.serverKey, cert: pki.serverCert }, recordRequests(seen)));
  const httpPort = await listen(createHttpServer(recordRequests(seen)));
  httpsOrigin = `https://127.0.0.1:${String(httpsPort)}`;
  httpOrigin = `http://127.0.0.1:${String(httpPort)}`;
  proxy = await startTinyproxy(dir.path, [httpsPort, httpPort]);

  const files = join(dir.path, 'uploads');
  await mkdir(files);
  await writeFile(join(files, 'blob.bin'), blob);
  await writeFile(join(files, 'statement.csv'), csv);

  backend = testBackend(join(dir.path, 'data'));
  await backend.dispatcher.call('vault:setup', { passphrase: 'file shapes passphrase 1' });
  await backend.dispatcher.call('vault:add', { environment: ENV, name: 'corp.ca', kind: 'certificate', value: pki.caCert });
  await backend.dispatcher.call('files:allow-body-folder', { path: files });
  collectionId = (await backend.dispatcher.call('workspace:create', { kind: 'collection', name: 'Uploads' })).id;
  const create = async (name: string, method: 'POST' | 'PUT', path: string, body: RequestBody): Promise<string> => {
    const request = await backend.dispatcher.call('workspace:create', { kind: 'request', parentId: collectionId, name, method, url: `{{baseUrl}}${path}` });
    await backend.dispatcher.call('workspace:update-request', { id: request.id, patch: { body } });
    return request.id;
  };
  formId = await create('Upload form', 'POST', '/form', {
    kind: 'multipart',
    parts: [
      { kind: 'text', name: 'merchant', value: 'M-42', enabled: true },
      { kind: 'file', name: 'statement', path: join(files, 'statement.csv'), contentType: 'text/csv', enabled: true },
      { kind: 'file', name: 'blob', path: join(files, 'blob.bin'), enabled: true },
    ],
  });
  binaryId = await create('Upload binary', 'PUT', '/bin', { kind: 'binary', path: join(files, 'blob.bin'), contentType: '' });
  environmentId = await uatEnvironmentId(backend, collectionId);
}, 60_000);

afterAll(async () => {
  await backend?.close();
  await proxy?.stop();
  for (const close of closers) await close();
  await dir?.remove();
});

async function sendTo(requestId: string, origin: string, network: NetworkSettings): Promise<Seen> {
  await backend.dispatcher.call('workspace:update-environment', { collectionId, environmentId, variables: [{ name: 'baseUrl', value: origin, enabled: true }], network });
  const before = seen.length;
  const result = await backend.requests.send({ requestId, environmentId });
  if (!result.outcome.ok) throw new Error(`send failed: ${result.outcome.error.message}`);
  expect(result.outcome.response.status).toBe(200);
  expect(seen.length).toBe(before + 1);
  const got = seen.at(-1);
  if (!got) throw new Error('nothing arrived');
  return got;
}

function expectForm(got: Seen): void {
  const parsed = checkMultipart(got);
  expect(parsed.defects).toEqual([]);
  expect(parsed.parts?.map((part) => [part.name, part.filename, part.content_type])).toEqual([
    ['merchant', null, null],
    ['statement', 'statement.csv', 'text/csv'],
    ['blob', 'blob.bin', 'application/octet-stream'],
  ]);
  const data = (name: string) => Buffer.from(parsed.parts?.find((part) => part.name === name)?.data_b64 ?? '', 'base64');
  expect(data('merchant').toString()).toBe('M-42');
  expect(data('statement').equals(csv)).toBe(true);
  expect(sha256(data('blob'))).toBe(sha256(blob));
  expect(Number(got.headers['content-length'])).toBe(got.body.byteLength);
}

function expectBinary(got: Seen): void {
  expect(got.headers['content-type']).toBe('application/octet-stream');
  expect(got.body.byteLength).toBe(blob.byteLength);
  expect(sha256(got.body)).toBe(sha256(blob));
}

const connectsTo = async (origin: string) => (await proxy.log()).split('\n').filter((line) => line.includes(`CONNECT ${new URL(origin).host}`)).length;
const proxyLines = async () => (await proxy.log()).split('\n').filter((line) => line.trim() !== '').length;

describe('file bodies over HTTPS with the deployment\'s own CA', () => {
  it('a multipart body with a 3 MiB file part arrives part for part', async () => {
    expectForm(await sendTo(formId, httpsOrigin, { caSecret: 'corp.ca' }));
  });

  it('a binary-file body arrives byte for byte (SHA-256)', async () => {
    expectBinary(await sendTo(binaryId, httpsOrigin, { caSecret: 'corp.ca' }));
  });
});

describe('file bodies through tinyproxy', () => {
  it('to HTTPS (a CONNECT tunnel): multipart and binary arrive intact', async () => {
    const before = await connectsTo(httpsOrigin);
    expectForm(await sendTo(formId, httpsOrigin, { caSecret: 'corp.ca', proxy: { url: proxy.url } }));
    expectBinary(await sendTo(binaryId, httpsOrigin, { caSecret: 'corp.ca', proxy: { url: proxy.url } }));
    expect(await connectsTo(httpsOrigin)).toBeGreaterThanOrEqual(before + 1);
  });

  it('to plain HTTP: multipart and binary arrive intact, and the proxy carried them', async () => {
    const before = await proxyLines();
    expectForm(await sendTo(formId, httpOrigin, { proxy: { url: proxy.url } }));
    expectBinary(await sendTo(binaryId, httpOrigin, { proxy: { url: proxy.url } }));
    expect(await proxyLines()).toBeGreaterThan(before);
  });
});
