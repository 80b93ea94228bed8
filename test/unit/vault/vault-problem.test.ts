import { describe, expect, it } from 'vitest';
import { vaultErrors } from '../../../main/vault/vault-errors.ts';
import { missingSecretOf } from '../../../renderer/src/pages/vault/vault-problem.ts';

describe('the renderer reading a missing-secret error', () => {
  it('finds the environment and secret main named, so "Add" fills them in', () => {
    for (const [environment, name] of [
      ['UAT', 'paynet.client_secret'],
      ['My "test" env', 'momo:api/key-1'],
      ['Sandbox', 'a b'],
    ] as const) {
      const error = vaultErrors.missing(environment, name);
      expect(error.code).toBe('secret_missing');
      expect(missingSecretOf(error.message)).toEqual({ environment, name });
    }
    expect(missingSecretOf('The vault is locked.')).toBeNull();
  });
});
