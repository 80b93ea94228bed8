import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importPrivateKey } from '../../../main/keys/import-private-key.ts';
import { readKeyFile } from '../../../main/keys/read-key-file.ts';
import { fingerprintOf } from '../../../main/keys/fingerprint.ts';
import { makeTempDir } from '../../support/temp-dir.ts';
import { rsaKey } from './key-fixtures.ts';

let dir: { path: string; remove: () => Promise<void> };
beforeEach(async () => {
  dir = await makeTempDir('countersign-keyread-');
});
afterEach(async () => {
  await dir.remove();
});

describe('readKeyFile', () => {
  it('reads a PEM file as text and a DER file as base64, both importable', async () => {
    const key = rsaKey('file');
    const pemPath = join(dir.path, 'key.pem');
    const derPath = join(dir.path, 'key.der');
    await writeFile(pemPath, key.export({ type: 'pkcs1', format: 'pem' }));
    await writeFile(derPath, key.export({ type: 'pkcs8', format: 'der' }));
    const fromPem = await readKeyFile(pemPath);
    const fromDer = await readKeyFile(derPath);
    expect(fromPem.encoding).toBe('pem');
    expect(fromDer.encoding).toBe('der');
    expect(fingerprintOf(importPrivateKey(fromPem))).toEqual(fingerprintOf(importPrivateKey(fromDer)));
  });

  it('refuses a file far larger than any key', async () => {
    const path = join(dir.path, 'photo.jpg');
    await writeFile(path, Buffer.alloc(200 * 1024));
    await expect(readKeyFile(path)).rejects.toMatchObject({ problem: 'unreadable', message: /204800 bytes/ });
  });
});
