import { createPrivateKey, createPublicKey, sign, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { KeygenFinished, KeygenProgress } from '../../../main/contract/keys.ts';
import { fingerprintOf } from '../../../main/keys/fingerprint.ts';
import { createKeyService, type KeyServiceOptions } from '../../../main/keys/key-service.ts';
import { createMemoryKeyVault } from '../../../main/keys/memory-vault.ts';
import { createControlledGenerator } from './fake-generator.ts';
import { pem, rsaKey } from './key-fixtures.ts';

const CREATED = new Date('2026-03-01T09:30:00.000Z');
const JOB = '11111111-1111-4111-8111-111111111111';

function setup(overrides: Partial<KeyServiceOptions> = {}) {
  const vault = createMemoryKeyVault();
  const generator = createControlledGenerator();
  const progress: KeygenProgress[] = [];
  const finished: KeygenFinished[] = [];
  const service = createKeyService({
    vault,
    generate: generator.generate,
    clock: () => CREATED,
    newJobId: () => JOB,
    exportIterations: 1000,
    events: { progress: (p) => progress.push(p), finished: (f) => finished.push(f) },
    ...overrides,
  });
  /** Starts a generation and lets the fake generator finish it once it has been asked. */
  const generateNow = async (name: string, environment = 'sandbox') => {
    const running = service.generate({ environment, name, bits: 2048 });
    await waitFor(() => generator.pending() > 0);
    const pair = generator.finishNext();
    return { result: await running, pair };
  };
  return { vault, generator, service, progress, finished, generateNow };
}

async function waitFor(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 1));
  if (!condition()) throw new Error('condition never held');
}

describe('key service: generate', () => {
  it('stores the private key in the vault and returns only public facts', async () => {
    const { service, vault, generateNow, finished } = setup();
    const { result, pair } = await generateNow('elecsnet');
    const fingerprint = fingerprintOf(pair.publicKey);
    expect(result).toEqual({
      outcome: 'created',
      jobId: JOB,
      key: {
        environment: 'sandbox',
        name: 'elecsnet',
        bits: 2048,
        fingerprint,
        created: CREATED.toISOString(),
        origin: 'generated',
        publicKeyPem: pem(pair.publicKey.export({ type: 'spki', format: 'pem' })),
      },
    });
    expect(JSON.stringify(result)).not.toContain('PRIVATE KEY');
    const stored = await vault.read('sandbox', 'elecsnet', 'export');
    expect(stored?.privateKeyPem).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    expect(fingerprintOf(createPublicKey(stored!.privateKeyPem))).toEqual(fingerprint);
    expect(finished).toEqual([{ jobId: JOB, environment: 'sandbox', name: 'elecsnet', outcome: 'created', fingerprint, message: null }]);
    await expect(service.list('production')).resolves.toEqual({ keys: [] });
  });

  it('asks the generator for the requested size and announces progress', async () => {
    const { service, generator, progress } = setup();
    const running = service.generate({ environment: 'sandbox', name: 'k', bits: 3072 });
    await waitFor(() => generator.pending() > 0);
    generator.finishNext();
    await running;
    expect(generator.requests).toEqual([3072]);
    expect(progress[0]).toEqual({ jobId: JOB, environment: 'sandbox', name: 'k', bits: 3072, elapsedMs: 0 });
  });

  it('cancel answers at once, stores nothing and tells listeners', async () => {
    const { service, vault, generator, finished } = setup();
    const running = service.generate({ environment: 'sandbox', name: 'k', bits: 4096 });
    await waitFor(() => generator.pending() > 0);
    expect(service.cancelGeneration(JOB)).toEqual({ cancelled: true });
    await expect(running).resolves.toEqual({ outcome: 'cancelled', jobId: JOB });
    generator.finishNext(); // OpenSSL finishing later changes nothing
    await new Promise((resolve) => setTimeout(resolve, 5));
    await expect(vault.list('sandbox')).resolves.toEqual([]);
    expect(finished.map((f) => f.outcome)).toEqual(['cancelled']);
    expect(service.cancelGeneration(JOB)).toEqual({ cancelled: false });
  });

  it('honours a cancel that arrives before generation has started', async () => {
    const { service, generator, finished, vault } = setup();
    const running = service.generate({ environment: 'sandbox', name: 'k', bits: 4096 });
    // Synchronously after the call: the service is still checking names in the vault.
    expect(service.cancelGeneration(JOB)).toEqual({ cancelled: true });
    await expect(running).resolves.toEqual({ outcome: 'cancelled', jobId: JOB });
    expect(generator.requests).toEqual([]);
    expect(finished.map((f) => f.outcome)).toEqual(['cancelled']);
    await expect(vault.list('sandbox')).resolves.toEqual([]);
  });

  it('uses the caller-chosen job id so the caller can cancel', async () => {
    const { service, generator } = setup();
    const jobId = '22222222-2222-4222-8222-222222222222';
    const running = service.generate({ environment: 'sandbox', name: 'k', bits: 2048, jobId });
    await waitFor(() => generator.pending() > 0);
    expect(service.cancelGeneration(jobId).cancelled).toBe(true);
    await expect(running).resolves.toMatchObject({ outcome: 'cancelled', jobId });
  });

  it('refuses a name already taken in the environment, but allows it in another', async () => {
    const { service, generateNow } = setup();
    await generateNow('k');
    await expect(service.generate({ environment: 'sandbox', name: 'k', bits: 2048 })).rejects.toMatchObject({ code: 'conflict', message: /already exists.*Rotate/ });
    await expect(generateNow('k', 'production')).resolves.toMatchObject({ result: { outcome: 'created' } });
  });

  it('reports a failed generation to listeners', async () => {
    const { service, generator, finished } = setup();
    const running = service.generate({ environment: 'sandbox', name: 'k', bits: 2048 });
    await waitFor(() => generator.pending() > 0);
    generator.failNext(new Error('boom'));
    await expect(running).rejects.toThrow('boom');
    expect(finished).toMatchObject([{ outcome: 'failed', message: 'Key generation failed.' }]);
  });
});

describe('key service: list, import and export', () => {
  it('lists keys per environment with size, fingerprint, date and the auth settings that use them', async () => {
    const { service, generateNow } = setup({ usedBy: (environment, name) => (name === 'b' ? [`${environment} gateway auth`] : []) });
    await generateNow('b');
    await generateNow('a');
    const { keys } = await service.list('sandbox');
    expect(keys.map((k) => [k.name, k.bits, k.created, k.usedBy, k.pendingRotation])).toEqual([
      ['a', 2048, CREATED.toISOString(), [], null],
      ['b', 2048, CREATED.toISOString(), ['sandbox gateway auth'], null],
    ]);
    expect(keys[0]?.fingerprint.sha256Hex).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
  });

  it('imports a key and derives its public key and fingerprint', async () => {
    const { service, vault } = setup();
    const original = rsaKey('imported');
    const summary = await service.importKey({
      environment: 'sandbox',
      name: 'mine',
      material: { encoding: 'pem', text: pem(original.export({ type: 'pkcs1', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'secret pass' })) },
      passphrase: 'secret pass',
    });
    expect(summary).toMatchObject({ name: 'mine', bits: 2048, origin: 'imported', fingerprint: fingerprintOf(createPublicKey(original)) });
    expect((await vault.read('sandbox', 'mine', 'export'))?.privateKeyPem).toMatch(/BEGIN PRIVATE KEY/);
  });

  it('stores nothing when an import is refused, and never echoes the passphrase', async () => {
    const { service, vault } = setup();
    const encrypted = pem(rsaKey('imported').export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'right one' }));
    const attempt = service.importKey({ environment: 'sandbox', name: 'mine', material: { encoding: 'pem', text: encrypted }, passphrase: 'WrongPassphrase!' });
    await expect(attempt).rejects.toMatchObject({ code: 'invalid_input', problem: 'wrong_passphrase' });
    await attempt.catch((error: unknown) => expect(String(error)).not.toContain('WrongPassphrase!'));
    await expect(vault.list('sandbox')).resolves.toEqual([]);
  });

  it('exports the public key derived from the stored private key', async () => {
    const { service, generateNow } = setup();
    const { pair } = await generateNow('k');
    const exported = await service.exportPublic({ environment: 'sandbox', name: 'k' });
    expect(exported.pem).toBe(pem(pair.publicKey.export({ type: 'spki', format: 'pem' })));
    expect(exported.pem).toMatch(/^-----BEGIN PUBLIC KEY-----/);
    expect(exported.fileName).toBe('sandbox-k-public.pem');
    expect(exported.fingerprint).toEqual(fingerprintOf(pair.publicKey));
  });

  it('exports PKCS#8 plain (with a warning), PKCS#8 encrypted, and PKCS#1 (with a warning)', async () => {
    const { service, generateNow } = setup();
    const { pair } = await generateNow('k');
    const ref = { environment: 'sandbox', name: 'k' };
    const plain = await service.exportPrivate({ ...ref, format: 'pkcs8' });
    expect(plain).toMatchObject({ encrypted: false, fileName: 'sandbox-k-private-pkcs8.pem', warning: expect.stringMatching(/unencrypted/) as unknown });
    expect(plain.pem).toMatch(/^-----BEGIN PRIVATE KEY-----/);

    const locked = await service.exportPrivate({ ...ref, format: 'pkcs8', passphrase: 'export passphrase' });
    expect(locked).toMatchObject({ encrypted: true, warning: null, fileName: 'sandbox-k-private-pkcs8-encrypted.pem' });
    expect(locked.pem).toMatch(/^-----BEGIN ENCRYPTED PRIVATE KEY-----/);
    expect(() => createPrivateKey({ key: locked.pem, passphrase: 'not it' })).toThrow();
    const reopened = createPrivateKey({ key: locked.pem, passphrase: 'export passphrase' });
    expect(fingerprintOf(createPublicKey(reopened))).toEqual(fingerprintOf(pair.publicKey));

    const pkcs1 = await service.exportPrivate({ ...ref, format: 'pkcs1', acknowledgeUnencrypted: true });
    expect(pkcs1.pem).toMatch(/^-----BEGIN RSA PRIVATE KEY-----/);
    expect(pkcs1.warning).toMatch(/unencrypted/);
  });

  it('hands the signing service a key whose signatures verify with the exported public key', async () => {
    const { service, generateNow } = setup();
    await generateNow('k');
    const data = Buffer.from('POST&https%3A%2F%2Fgateway.example%2Fsale&amount%3D100');
    const signature = sign('sha256', data, await service.signingKey({ environment: 'sandbox', name: 'k' }));
    const { pem: publicPem } = await service.exportPublic({ environment: 'sandbox', name: 'k' });
    expect(verify('sha256', data, publicPem, signature)).toBe(true);
  });

  it('decrypts a private key only to sign or export, never to list, generate, import or check names', async () => {
    const { service, vault, generateNow } = setup();
    await generateNow('k');
    await service.importKey({ environment: 'sandbox', name: 'i', material: { encoding: 'pem', text: pem(rsaKey('imported').export({ type: 'pkcs8', format: 'pem' })) } });
    await service.list('sandbox');
    await expect(service.generate({ environment: 'sandbox', name: 'k', bits: 2048 })).rejects.toMatchObject({ code: 'conflict' });
    expect(vault.reveals).toEqual([]);
    await service.signingKey({ environment: 'sandbox', name: 'k' });
    await service.exportPrivate({ environment: 'sandbox', name: 'i', format: 'pkcs8' });
    expect(vault.reveals).toEqual([
      { environment: 'sandbox', name: 'k', purpose: 'signing' },
      { environment: 'sandbox', name: 'i', purpose: 'export' },
    ]);
  });

  it('says which key is missing', async () => {
    const { service } = setup();
    await expect(service.exportPublic({ environment: 'sandbox', name: 'nope' })).rejects.toMatchObject({ code: 'not_found', message: 'Key "nope" does not exist in environment "sandbox".' });
  });
});

describe('key service: rotate and delete', () => {
  async function rotateNow(harness: ReturnType<typeof setup>, name: string) {
    const running = harness.service.rotate({ environment: 'sandbox', name, bits: 2048 });
    await waitFor(() => harness.generator.pending() > 0);
    const pair = harness.generator.finishNext();
    return { result: await running, pair };
  }

  it('keeps the new key beside the old one until confirmed, then the name signs with the new key', async () => {
    const harness = setup();
    const { pair: old } = await harness.generateNow('k');
    const { pair: next, result } = await rotateNow(harness, 'k');
    expect(result).toMatchObject({ outcome: 'created', key: { name: 'k', fingerprint: fingerprintOf(next.publicKey) } });

    const before = (await harness.service.list('sandbox')).keys;
    expect(before).toHaveLength(1);
    expect(before[0]?.fingerprint).toEqual(fingerprintOf(old.publicKey));
    expect(before[0]?.pendingRotation?.fingerprint).toEqual(fingerprintOf(next.publicKey));
    expect(fingerprintOf(createPublicKey(await harness.service.signingKey({ environment: 'sandbox', name: 'k' })))).toEqual(fingerprintOf(old.publicKey));

    await expect(harness.service.confirmRotation({ environment: 'sandbox', name: 'k', confirm: true })).resolves.toMatchObject({ fingerprint: fingerprintOf(next.publicKey) });
    const after = (await harness.service.list('sandbox')).keys;
    expect(after.map((k) => [k.fingerprint, k.pendingRotation])).toEqual([[fingerprintOf(next.publicKey), null]]);
    expect(fingerprintOf(createPublicKey(await harness.service.signingKey({ environment: 'sandbox', name: 'k' })))).toEqual(fingerprintOf(next.publicKey));
  });

  it('discarding a rotation keeps the old key', async () => {
    const harness = setup();
    const { pair: old } = await harness.generateNow('k');
    await rotateNow(harness, 'k');
    await expect(harness.service.discardRotation({ environment: 'sandbox', name: 'k' })).resolves.toEqual({ discarded: true });
    const { keys } = await harness.service.list('sandbox');
    expect(keys.map((k) => [k.fingerprint, k.pendingRotation])).toEqual([[fingerprintOf(old.publicKey), null]]);
    await expect(harness.service.confirmRotation({ environment: 'sandbox', name: 'k', confirm: true })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('refuses to rotate a missing key or one already rotating', async () => {
    const harness = setup();
    await expect(harness.service.rotate({ environment: 'sandbox', name: 'k', bits: 2048 })).rejects.toMatchObject({ code: 'not_found' });
    await harness.generateNow('k');
    await rotateNow(harness, 'k');
    await expect(harness.service.rotate({ environment: 'sandbox', name: 'k', bits: 2048 })).rejects.toMatchObject({ code: 'conflict', message: /rotation waiting/ });
  });

  it('deletes a key and its waiting rotation', async () => {
    const harness = setup();
    await harness.generateNow('k');
    await rotateNow(harness, 'k');
    await expect(harness.service.delete({ environment: 'sandbox', name: 'k', confirm: true })).resolves.toEqual({ deleted: true });
    await expect(harness.vault.list('sandbox')).resolves.toEqual([]);
  });

  it('refuses to delete a key an auth setting still signs with', async () => {
    const harness = setup({ usedBy: () => ['Elecsnet sandbox'] });
    await harness.generateNow('k');
    await expect(harness.service.delete({ environment: 'sandbox', name: 'k', confirm: true })).rejects.toMatchObject({ code: 'conflict', message: /used by "Elecsnet sandbox"/ });
    await expect(harness.vault.list('sandbox')).resolves.toHaveLength(1);
  });
});
