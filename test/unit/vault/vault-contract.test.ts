import type { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { vaultChannels, vaultEvents } from '../../../main/contract/vault.ts';

const input = <K extends keyof typeof vaultChannels>(name: K, value: unknown) => vaultChannels[name].input.safeParse(value);

/** Every object key a schema can produce, however deeply nested. */
function keysOf(schema: z.ZodType, seen = new Set<z.ZodType>()): string[] {
  if (seen.has(schema)) return [];
  seen.add(schema);
  const def = schema.def as unknown as Record<string, unknown>;
  const keys: string[] = [];
  const shape = def.shape as Record<string, z.ZodType> | undefined;
  if (shape) for (const [key, child] of Object.entries(shape)) keys.push(key, ...keysOf(child, seen));
  for (const field of ['element', 'innerType', 'in', 'out']) {
    const child = def[field] as z.ZodType | undefined;
    if (child) keys.push(...keysOf(child, seen));
  }
  for (const option of (def.options as z.ZodType[] | undefined) ?? []) keys.push(...keysOf(option, seen));
  return keys;
}

describe('vault contract', () => {
  it('has no channel or event that can return a secret value', () => {
    const outputs = [...Object.values(vaultChannels).map((c) => c.output), ...Object.values(vaultEvents)];
    for (const output of outputs) {
      const keys = keysOf(output as z.ZodType);
      expect(keys).not.toContain('value');
    }
    expect(keysOf(vaultChannels['vault:list'].output)).toContain('hint');
  });

  it('refuses an empty or blank value, and accepts 1 MiB', () => {
    const base = { environment: 'sandbox', name: 'client_secret', kind: 'text' };
    expect(input('vault:add', { ...base, value: '' }).success).toBe(false);
    expect(input('vault:add', { ...base, value: ' \n\t' }).success).toBe(false);
    expect(input('vault:add', { ...base, value: 'x'.repeat(1024 * 1024) }).success).toBe(true);
    expect(input('vault:add', { ...base, kind: 'password', value: 'x' }).success).toBe(false);
  });

  it('does not echo the refused value in its error messages', () => {
    const result = input('vault:add', { environment: 'sandbox', name: 'bad\nname', kind: 'text', value: 'echo-me-not' });
    expect(result.success).toBe(false);
    expect(JSON.stringify(result.error?.issues)).not.toContain('echo-me-not');
  });

  it('requires an explicit confirmation to delete', () => {
    expect(input('vault:delete', { environment: 'sandbox', name: 'k' }).success).toBe(false);
    expect(input('vault:delete', { environment: 'sandbox', name: 'k', confirm: false }).success).toBe(false);
    expect(input('vault:delete', { environment: 'sandbox', name: 'k', confirm: true }).success).toBe(true);
  });

  it('refuses unknown keys, short passphrases and control characters in names', () => {
    expect(input('vault:copy', { environment: 'sandbox', name: 'k', value: 'x' }).success).toBe(false);
    expect(input('vault:setup', { passphrase: 'short' }).success).toBe(false);
    expect(input('vault:set-passphrase', { next: 'long enough passphrase' }).success).toBe(true);
    expect(input('vault:list', { environment: 'a\u0000b' }).success).toBe(false);
    expect(input('vault:set-auto-lock', { minutes: -1 }).success).toBe(false);
    expect(input('vault:set-auto-lock', { minutes: 0 }).success).toBe(true);
  });
});
