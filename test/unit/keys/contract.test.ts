import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { keysChannels } from '../../../main/contract/keys.ts';

const input = <K extends keyof typeof keysChannels>(channel: K, value: unknown) => keysChannels[channel].input.safeParse(value);

describe('keys contract', () => {
  it('generates 4096-bit keys unless told otherwise, and only 2048, 3072 or 4096', () => {
    const parsed = keysChannels['keys:generate'].input.safeParse({ environment: 'sandbox', name: 'elecsnet' });
    expect(parsed.success && parsed.data.bits).toBe(4096);
    for (const bits of [2048, 3072, 4096]) expect(input('keys:generate', { environment: 'sandbox', name: 'k', bits }).success).toBe(true);
    for (const bits of [1024, 4095, 8192, '4096']) expect(input('keys:generate', { environment: 'sandbox', name: 'k', bits }).success).toBe(false);
  });

  it('keeps key names file- and slot-safe', () => {
    for (const name of ['elecsnet', 'prod.signing-2026_a']) expect(input('keys:list', { environment: name }).success && input('keys:generate', { environment: 'e', name }).success).toBe(true);
    for (const name of ['', '../etc', 'a/b', 'k~next', 'k:next', 'with space', '.hidden', 'x'.repeat(65)]) expect(input('keys:generate', { environment: 'e', name }).success).toBe(false);
  });

  it('refuses environment names with control characters', () => {
    expect(input('keys:list', { environment: 'sandbox\n' }).success).toBe(false);
    expect(input('keys:list', { environment: 'UAT (PayNet)' }).success).toBe(true);
  });

  it('deletes and confirms rotations only with an explicit confirm flag', () => {
    const ref = { environment: 'sandbox', name: 'k' };
    for (const channel of ['keys:delete', 'keys:confirm-rotation'] as const) {
      expect(input(channel, ref).success).toBe(false);
      expect(input(channel, { ...ref, confirm: false }).success).toBe(false);
      expect(input(channel, { ...ref, confirm: true }).success).toBe(true);
    }
  });

  it('exports PKCS#1 only after the unencrypted warning was acknowledged, and encrypted PKCS#8 only with a real passphrase', () => {
    const ref = { environment: 'sandbox', name: 'k' };
    expect(input('keys:export-private', { ...ref, format: 'pkcs1' }).success).toBe(false);
    expect(input('keys:export-private', { ...ref, format: 'pkcs1', acknowledgeUnencrypted: true }).success).toBe(true);
    expect(input('keys:export-private', { ...ref, format: 'pkcs8' }).success).toBe(true);
    expect(input('keys:export-private', { ...ref, format: 'pkcs8', passphrase: 'short' }).success).toBe(false);
    expect(input('keys:export-private', { ...ref, format: 'pkcs8', passphrase: 'long enough' }).success).toBe(true);
    expect(input('keys:export-private', { ...ref, format: 'pkcs1', acknowledgeUnencrypted: true, passphrase: 'long enough' }).success).toBe(false);
  });

  it('bounds imported material and refuses unknown fields', () => {
    const ref = { environment: 'sandbox', name: 'k' };
    expect(input('keys:import', { ...ref, material: { encoding: 'pem', text: 'x'.repeat(64 * 1024 + 1) } }).success).toBe(false);
    expect(input('keys:import', { ...ref, material: { encoding: 'der', base64: 'AAAA' } }).success).toBe(true);
    expect(input('keys:import', { ...ref, material: { encoding: 'der', base64: 'AAAA' }, extra: 1 }).success).toBe(false);
  });

  it('takes only uuids as job ids', () => {
    expect(input('keys:cancel-generation', { jobId: 'not-a-uuid' }).success).toBe(false);
    expect(input('keys:cancel-generation', { jobId: '11111111-1111-4111-8111-111111111111' }).success).toBe(true);
  });
});

describe('keys contract under the contract walk', () => {
  // What test/unit/core/contract-walk.test.ts will throw at these channels once they are registered.
  const malformed: unknown[] = [null, 'settings', 42, [], { unexpectedKey: 1 }, JSON.parse('{"__proto__": {"polluted": true}}'), { constructor: { prototype: { polluted: true } } }];

  it.each(Object.keys(keysChannels) as Channel[])('%s refuses malformed input and converts to JSON Schema', (channel) => {
    expect(() => z.toJSONSchema(keysChannels[channel].input, { unrepresentable: 'any' })).not.toThrow();
    for (const value of malformed) expect(keysChannels[channel].input.safeParse(value).success).toBe(false);
  });
});

type Channel = keyof typeof keysChannels;
