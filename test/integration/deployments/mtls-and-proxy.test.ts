/**
 * mTLS and proxy as a user sets them: vault secrets by name, the environment's
 * network settings, a send through the request service. The TLS server is
 * node's own, the certificates come from the openssl command line and the
 * proxy is Debian's tinyproxy: none of them written here.
 */
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { TLSSocket } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NetworkSettings } from '../../../main/contract/network.ts';
import type { Backend } from '../../../main/services/backend.ts';
import type { SendOutcome } from '../../../main/requests/request-service.ts';
import { testBackend } from '../../support/backend.ts';
import { makeTestPki, type TestPki } from '../../support/openssl-ca.ts';
import { makeTempDir } from '../../support/temp-dir.ts';
import { startTinyproxy, type RunningProxy } from '../../support/tinyproxy.ts';
import { ENV, uatEnvironmentId } from './shape-setup.ts';

const PASSPHRASE = 'mtls test passphrase 1';

let dir: Awaited<ReturnType<typeof makeTempDir>>;
let pki: TestPki;
let server: Server;
let origin: string;
let proxy: RunningProxy;
let backend: Backend;
let collectionId: string;
let environmentId: string;
let requestId: string;

beforeAll(async () => {
  dir = await makeTempDir();
  pki = await makeTestPki(dir.path, 'mTLS');
  // Refuses any client without a certificate signed by the test CA.
  server = createServer({ key: pki.serverKey, cert: pki.serverCert, ca: pki.caCert, requestCert: true, rejectUnauthorized: true }, (req, res) => {
    const socket = req.socket;
    if (!(socket instanceof TLSSocket)) throw new Error('not a TLS socket');
    const peer = socket.getPeerCertificate();
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ client: peer.subject.CN }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  proxy = await startTinyproxy(dir.path, [(server.address() as AddressInfo).port]);

  backend = testBackend(`${dir.path}/data`);
  await backend.dispatcher.call('vault:setup', { passphrase: PASSPHRASE });
  const add = (name: string, kind: 'certificate' | 'private_key' | 'pkcs12' | 'passphrase', value: string) =>
    backend.dispatcher.call('vault:add', { environment: ENV, name, kind, value });
  await add('corp.ca', 'certificate', pki.caCert);
  await add('gw.cert', 'certificate', pki.clientCert);
  await add('gw.key', 'private_key', pki.clientKey);
  await add('gw.p12', 'pkcs12', pki.pkcs12Base64);
  await add('gw.p12.passphrase', 'passphrase', pki.pkcs12Passphrase);
  const collection = await backend.dispatcher.call('workspace:create', { kind: 'collection', name: 'Gateway' });
  collectionId = collection.id;
  const request = await backend.dispatcher.call('workspace:create', { kind: 'request', parentId: collectionId, name: 'Hello', method: 'GET', url: '{{baseUrl}}/hello' });
  requestId = request.id;
  environmentId = await uatEnvironmentId(backend, collectionId);
}, 60_000);

afterAll(async () => {
  await backend?.close();
  await proxy?.stop();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  await dir?.remove();
});

async function sendWith(network: NetworkSettings): Promise<SendOutcome> {
  await backend.dispatcher.call('workspace:update-environment', {
    collectionId,
    environmentId,
    variables: [{ name: 'baseUrl', value: origin, enabled: true }],
    network,
  });
  return backend.requests.send({ requestId, environmentId });
}

function bodyOf(result: SendOutcome): unknown {
  if (!result.outcome.ok) throw new Error(`send failed: ${result.outcome.error.message}`);
  return JSON.parse(result.outcome.response.preview.data);
}

describe('client certificates (mTLS)', () => {
  it('are sent from PEM secrets, and the result names them', async () => {
    const result = await sendWith({ caSecret: 'corp.ca', clientCertificate: { format: 'pem', certSecret: 'gw.cert', keySecret: 'gw.key' } });
    expect(bodyOf(result)).toEqual({ client: 'mTLS client' });
    expect(result.network).toMatchObject({ clientCertificate: 'gw.cert', caSecret: 'corp.ca', proxy: null, verifyTls: true });
  });

  it('are sent from a PKCS#12 secret with its passphrase secret', async () => {
    const result = await sendWith({ caSecret: 'corp.ca', clientCertificate: { format: 'pkcs12', pkcs12Secret: 'gw.p12', passphraseSecret: 'gw.p12.passphrase' } });
    expect(bodyOf(result)).toEqual({ client: 'mTLS client' });
    expect(result.network?.clientCertificate).toBe('gw.p12');
    expect(JSON.stringify(result)).not.toContain(pki.pkcs12Passphrase);
  });

  it('without one, the server refuses the connection', async () => {
    const result = await sendWith({ caSecret: 'corp.ca' });
    expect(result.outcome.ok).toBe(false);
    if (!result.outcome.ok) expect(result.outcome.error.message).toMatch(/client certificate/);
  });

  it('without the CA setting the server certificate is not trusted', async () => {
    const result = await sendWith({ clientCertificate: { format: 'pem', certSecret: 'gw.cert', keySecret: 'gw.key' } });
    expect(result.outcome.ok).toBe(false);
    if (!result.outcome.ok) expect(result.outcome.error.message).toMatch(/certificate/i);
  });

  it('with verification off, the send goes through and carries the warning', async () => {
    const result = await sendWith({ verifyTls: false, clientCertificate: { format: 'pem', certSecret: 'gw.cert', keySecret: 'gw.key' } });
    expect(bodyOf(result)).toEqual({ client: 'mTLS client' });
    expect(result.network?.verifyTls).toBe(false);
    expect(result.network?.warning).toMatch(/NOT verified/);
  });

  it('a missing secret is named before anything is sent', async () => {
    await expect(sendWith({ caSecret: 'corp.ca', clientCertificate: { format: 'pem', certSecret: 'gw.cert', keySecret: 'no.such.key' } })).rejects.toThrow(/no\.such\.key/);
  });
});

describe('the environment proxy', () => {
  const mtls: NetworkSettings = { caSecret: 'corp.ca', clientCertificate: { format: 'pem', certSecret: 'gw.cert', keySecret: 'gw.key' } };
  const connects = async () => (await proxy.log()).split('\n').filter((line) => line.includes(`CONNECT ${new URL(origin).host}`)).length;

  it('carries the send (tinyproxy logs the CONNECT) and the result names it', async () => {
    const before = await connects();
    const result = await sendWith({ ...mtls, proxy: { url: proxy.url } });
    expect(bodyOf(result)).toEqual({ client: 'mTLS client' });
    expect(await connects()).toBeGreaterThan(before);
    expect(result.network).toMatchObject({ proxy: proxy.url, bypassedProxy: false });
  });

  it('is skipped for a host in the no-proxy list', async () => {
    const result = await sendWith({ ...mtls, proxy: { url: proxy.url }, noProxy: 'localhost,127.0.0.1' });
    const before = await connects();
    const again = await sendWith({ ...mtls, proxy: { url: proxy.url }, noProxy: 'localhost,127.0.0.1' });
    expect(bodyOf(result)).toEqual({ client: 'mTLS client' });
    expect(bodyOf(again)).toEqual({ client: 'mTLS client' });
    expect(await connects()).toBe(before);
    expect(again.network).toMatchObject({ proxy: null, bypassedProxy: true });
  });

  it('takes its credentials from the vault, and never shows them', async () => {
    const password = 'proxy-pass-9f2c41';
    const guarded = await startTinyproxy(dir.path, [Number(new URL(origin).port)], { user: 'merchant', password });
    try {
      const refused = await sendWith({ ...mtls, proxy: { url: guarded.url } });
      // tinyproxy answers 407 to a CONNECT without credentials.
      expect(refused.outcome.ok).toBe(false);
      if (!refused.outcome.ok) expect(refused.outcome.error.message).toMatch(/407|proxy/i);
      await backend.dispatcher.call('vault:add', { environment: ENV, name: 'corp.proxy', kind: 'text', value: `merchant:${password}` });
      const result = await sendWith({ ...mtls, proxy: { url: guarded.url, credentialsSecret: 'corp.proxy' } });
      expect(bodyOf(result)).toEqual({ client: 'mTLS client' });
      expect(result.network?.proxy).toBe(guarded.url);
      expect(await guarded.log()).toContain(`CONNECT ${new URL(origin).host}`);
      expect(JSON.stringify(result)).not.toContain(password);
    } finally {
      await guarded.stop();
    }
  });

  it('a request can switch it off for itself', async () => {
    await backend.dispatcher.call('workspace:update-request', { id: requestId, patch: { settings: { network: { useProxy: false } } } });
    try {
      const before = await connects();
      const result = await sendWith({ ...mtls, proxy: { url: proxy.url } });
      expect(bodyOf(result)).toEqual({ client: 'mTLS client' });
      expect(await connects()).toBe(before);
    } finally {
      await backend.dispatcher.call('workspace:update-request', { id: requestId, patch: { settings: {} } });
    }
  });
});
