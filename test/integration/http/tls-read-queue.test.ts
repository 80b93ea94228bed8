import { createSecureContext, createServer, type Server, type TLSSocket } from 'node:tls';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DirectSocket } from '../../../main/http/direct/socket.ts';
import { TimingRecorder } from '../../../main/http/timing.ts';
import { makeTempDir } from '../../support/temp-dir.ts';
import { selfSigned } from './support/servers.ts';
import type { Pem } from './support/servers.ts';

// Over TLS, records already decrypted from one TCP read keep arriving after the reader
// paused (a plain socket stops at once). The direct socket must hold them back and
// hand them over, in order, only when the reader resumes.
const RECORDS = 200;
const RECORD_BYTES = 1000;
const expected = Buffer.alloc(RECORDS * RECORD_BYTES);
for (let i = 0; i < expected.length; i++) expected[i] = (i * 7 + (i >> 9)) & 0xff;

let certs: { path: string; remove: () => Promise<void> };
let pem: Pem;
let server: Server;
let port = 0;

beforeAll(async () => {
  certs = await makeTempDir('countersign-tls-queue-');
  pem = await selfSigned(certs.path, 'gateway.test', 'IP:127.0.0.1');
  server = createServer({ cert: pem.cert, key: pem.key }, (socket: TLSSocket) => {
    // Many small records in one TCP write: the client decrypts several per read.
    socket.cork();
    for (let i = 0; i < RECORDS; i++) socket.write(expected.subarray(i * RECORD_BYTES, (i + 1) * RECORD_BYTES));
    socket.uncork();
    socket.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await certs.remove();
});

describe('the direct socket over TLS', () => {
  it('delivers nothing while the reader holds, then every byte in order', async () => {
    const buffer = Buffer.alloc(4096);
    const scratch = Buffer.alloc(4096);
    const socket = new DirectSocket(
      { url: new URL(`https://127.0.0.1:${String(port)}/`), connectTimeoutMs: 5000, timing: new TimingRecorder(() => performance.now()), tls: { secureContext: createSecureContext({ ca: pem.cert }), verify: true } },
      scratch,
    );
    const received: Buffer[] = [];
    let holding = false;
    let readsWhileHolding = 0;
    let resumes = 0;
    const done = new Promise<void>((resolve, reject) => {
      socket.setHandler(
        {
          buffer: () => buffer,
          onRead: (nread, buf) => {
            if (holding) readsWhileHolding++;
            received.push(Buffer.from(buf.subarray(0, nread)));
            // Hold after every read, and resume a little later, as a full writer ring does.
            holding = true;
            setTimeout(() => {
              holding = false;
              resumes++;
              socket.resume();
            }, 1);
            return false;
          },
          onEnd: () => {
            socket.close();
            resolve();
          },
        },
        reject,
      );
    });
    await socket.connected();
    await done;
    expect(readsWhileHolding).toBe(0);
    expect(Buffer.concat(received).equals(expected)).toBe(true);
    expect(resumes).toBeGreaterThan(1);
  });
});
