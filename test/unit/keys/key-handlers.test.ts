import { createPublicKey } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { keysChannels, keysEvents } from '../../../main/contract/keys.ts';
import { createKeysHandlers } from '../../../main/keys/key-handlers.ts';
import { createKeyService } from '../../../main/keys/key-service.ts';
import { createMemoryKeyVault } from '../../../main/keys/memory-vault.ts';
import { createControlledGenerator } from './fake-generator.ts';
import { pem, rsaKey } from './key-fixtures.ts';

// keys:test-sign needs the sandbox and the vault, so the backend wires it, not createKeysHandlers.
type Channel = Exclude<keyof typeof keysChannels, 'keys:test-sign'>;

/** What a door does: parse the input, run the handler, parse the output. */
function harness() {
  const generator = createControlledGenerator();
  const emitted: { name: string; payload: unknown }[] = [];
  const service = createKeyService({
    vault: createMemoryKeyVault(),
    generate: generator.generate,
    events: {
      progress: (p) => emitted.push({ name: 'keys:generation-progress', payload: keysEvents['keys:generation-progress'].parse(p) }),
      finished: (f) => emitted.push({ name: 'keys:generation-finished', payload: keysEvents['keys:generation-finished'].parse(f) }),
    },
  });
  const saved: { fileName: string; pem: string; directory: string | undefined }[] = [];
  const handlers = createKeysHandlers(service, (fileName, text, directory) => {
    saved.push({ fileName, pem: text, directory });
    return Promise.resolve(`/exports/${fileName}`);
  });
  const call = async (channel: Channel, raw: unknown): Promise<unknown> => {
    const input = keysChannels[channel].input.parse(raw);
    const handler = handlers[channel] as (input: unknown) => Promise<unknown>;
    return keysChannels[channel].output.parse(await handler(input));
  };
  return { generator, emitted, call, saved };
}

describe('key channels through the contract, as the wizard uses them', () => {
  it('generate (default 4096) → list → export public → export private → delete', async () => {
    const { generator, emitted, call, saved } = harness();
    const generating = call('keys:generate', { environment: 'sandbox', name: 'elecsnet' });
    for (let i = 0; i < 50 && generator.pending() === 0; i++) await new Promise((resolve) => setTimeout(resolve, 1));
    expect(generator.requests).toEqual([4096]);
    generator.finishNext();
    const generated = (await generating) as { outcome: string; key: { fingerprint: { sha256Hex: string } } };
    expect(generated.outcome).toBe('created');
    expect(emitted.map((e) => e.name)).toEqual(['keys:generation-progress', 'keys:generation-finished']);

    const listed = (await call('keys:list', { environment: 'sandbox' })) as { keys: { name: string; fingerprint: { sha256Hex: string } }[] };
    expect(listed.keys.map((k) => [k.name, k.fingerprint.sha256Hex])).toEqual([['elecsnet', generated.key.fingerprint.sha256Hex]]);
    expect(JSON.stringify(listed)).not.toContain('PRIVATE KEY');

    expect(await call('keys:export-public', { environment: 'sandbox', name: 'elecsnet' })).toMatchObject({ pem: expect.stringMatching(/^-----BEGIN PUBLIC KEY-----/) as unknown });
    expect(() => keysChannels['keys:export-private'].input.parse({ environment: 'sandbox', name: 'elecsnet', format: 'pkcs1' })).toThrow();
    const exported = await call('keys:export-private', { environment: 'sandbox', name: 'elecsnet', format: 'pkcs1', acknowledgeUnencrypted: true, directory: '/tmp/x' });
    // The key goes to a file written in main; the caller gets the path and the warning, never the PEM.
    expect(exported).toMatchObject({ path: expect.stringMatching(/^\/exports\/.*pkcs1\.pem$/) as unknown, warning: expect.any(String) as unknown });
    expect(JSON.stringify(exported)).not.toContain('PRIVATE KEY');
    expect(saved).toHaveLength(1);
    expect(saved[0]!.pem).toMatch(/^-----BEGIN RSA PRIVATE KEY-----/);
    expect(saved[0]!.directory).toBe('/tmp/x');

    await expect(call('keys:delete', { environment: 'sandbox', name: 'elecsnet' })).rejects.toThrow();
    expect(await call('keys:delete', { environment: 'sandbox', name: 'elecsnet', confirm: true })).toEqual({ deleted: true });
    expect(await call('keys:list', { environment: 'sandbox' })).toEqual({ keys: [] });
  });

  it('import → rotate → confirm', async () => {
    const { generator, call } = harness();
    const imported = (await call('keys:import', {
      environment: 'production',
      name: 'paynet',
      material: { encoding: 'der', base64: rsaKey('handlers').export({ type: 'pkcs1', format: 'der' }).toString('base64') },
    })) as { fingerprint: unknown; publicKeyPem: string };
    expect(imported.publicKeyPem).toBe(pem(createPublicKey(rsaKey('handlers')).export({ type: 'spki', format: 'pem' })));

    const rotating = call('keys:rotate', { environment: 'production', name: 'paynet', bits: 2048 });
    for (let i = 0; i < 50 && generator.pending() === 0; i++) await new Promise((resolve) => setTimeout(resolve, 1));
    generator.finishNext();
    const rotated = (await rotating) as { key: { fingerprint: unknown } };
    const listed = (await call('keys:list', { environment: 'production' })) as { keys: { fingerprint: unknown; pendingRotation: { fingerprint: unknown } | null }[] };
    expect(listed.keys[0]?.fingerprint).toEqual(imported.fingerprint);
    expect(listed.keys[0]?.pendingRotation?.fingerprint).toEqual(rotated.key.fingerprint);

    expect(await call('keys:confirm-rotation', { environment: 'production', name: 'paynet', confirm: true })).toMatchObject({ fingerprint: rotated.key.fingerprint });
  });
});
