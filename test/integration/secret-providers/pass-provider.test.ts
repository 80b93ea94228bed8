/**
 * The pass provider against a real `pass` and `gpg`, with throwaway keys
 * made here: reading, a missing entry, and every failure a user can meet,
 * each with its own message (and never the value).
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ServiceError } from '../../../main/contract/errors.ts';
import { readPassSecret } from '../../../main/secret-providers/pass-provider.ts';
import { makeTempDir } from '../../support/temp-dir.ts';
import { makePassStore, type PassStore } from './pass-store.ts';

const VALUE = 'pass-secret-7a41c9e2';
let store: PassStore;
let other: PassStore;
let locked: PassStore;

beforeAll(async () => {
  [store, other, locked] = await Promise.all([makePassStore(), makePassStore(), makePassStore({ passphrase: 'locked key passphrase 91' })]);
  await store.insert('countersign/uat/paynet.client_secret', `${VALUE}\nlogin: merchant-1\nurl: https://uat.example\n`);
  await locked.insert('countersign/uat/paynet.client_secret', `${VALUE}\n`);
}, 120_000);

afterAll(async () => {
  await Promise.all([store.remove(), other.remove(), locked.remove()]);
});

async function failure(entry: string, env: Record<string, string>): Promise<ServiceError> {
  const error = await readPassSecret(entry, { env }).then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ServiceError);
  const serviceError = error as ServiceError;
  expect(serviceError.code).toBe('secret_provider_failed');
  expect(serviceError.message).not.toContain(VALUE);
  return serviceError;
}

describe('reading pass entries', () => {
  it('takes the first line of the entry as the value, like pass does', async () => {
    expect(await readPassSecret('countersign/uat/paynet.client_secret', { env: store.env })).toBe(VALUE);
  });

  it('answers null for an entry the store does not have (the chain moves on)', async () => {
    expect(await readPassSecret('countersign/uat/no.such.secret', { env: store.env })).toBeNull();
  });

  it('says pass is not installed when it is not on PATH', async () => {
    const empty = await makeTempDir();
    try {
      const error = await failure('countersign/uat/paynet.client_secret', { ...store.env, PATH: empty.path });
      expect(error.message).toMatch(/pass is not installed/);
      expect(error.message).toMatch(/apt-get install pass/);
    } finally {
      await empty.remove();
    }
  });

  it('says the store is not initialised when it has no .gpg-id', async () => {
    const empty = await makeTempDir();
    try {
      const error = await failure('countersign/uat/paynet.client_secret', { ...store.env, PASSWORD_STORE_DIR: empty.path });
      expect(error.message).toMatch(/not initialised/);
      expect(error.message).toMatch(/pass init/);
    } finally {
      await empty.remove();
    }
  });

  it('names the keys an entry is encrypted to when this keyring holds none of them', async () => {
    // The team's store, read with someone else's keyring.
    const error = await failure('countersign/uat/paynet.client_secret', { ...store.env, GNUPGHOME: other.env.GNUPGHOME ?? '' });
    expect(error.message).toMatch(/you hold none of their secret keys/);
    for (const id of store.keyIds) expect(error.message).toContain(id);
  });

  it('tells a locked key (held, no passphrase prompt possible) from a missing one', async () => {
    const error = await failure('countersign/uat/paynet.client_secret', locked.env);
    expect(error.message).toMatch(/in the keyring but locked/);
    expect(error.message).toMatch(/pass show countersign\/uat\/paynet.client_secret/);
  });

  it('reports an entry that is not GPG data as unreadable, with how to insert it again', async () => {
    await writeFile(join(store.storeDir, 'countersign/uat/damaged.gpg'), 'not an OpenPGP message\n');
    const error = await failure('countersign/uat/damaged', store.env);
    expect(error.message).toMatch(/not a readable GPG file/);
    expect(error.message).toMatch(/pass insert -m countersign\/uat\/damaged/);
  });
});
