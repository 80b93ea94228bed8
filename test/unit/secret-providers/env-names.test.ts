import { describe, expect, it } from 'vitest';
import { secretVariableName, variablePattern } from '../../../main/secret-providers/env-names.ts';
import { readEnvSecret } from '../../../main/secret-providers/env-provider.ts';
import { defaultPassPrefix, passEntryName } from '../../../main/secret-providers/pass-entry.ts';

describe('COUNTERSIGN_SECRET_<ENV>_<NAME>', () => {
  it('upper-cases both parts and writes every other character as _', () => {
    expect(secretVariableName('UAT', 'paynet.client_secret')).toBe('COUNTERSIGN_SECRET_UAT_PAYNET_CLIENT_SECRET');
    expect(secretVariableName('Sandbox 2', 'momo/api-key')).toBe('COUNTERSIGN_SECRET_SANDBOX_2_MOMO_API_KEY');
    expect(secretVariableName('prod', 'a:b@c')).toBe('COUNTERSIGN_SECRET_PROD_A_B_C');
    // Non-ASCII letters are not portable in variable names.
    expect(secretVariableName('Bühne', 'schlüssel')).toBe('COUNTERSIGN_SECRET_B_HNE_SCHL_SSEL');
    expect(variablePattern('UAT')).toBe('COUNTERSIGN_SECRET_UAT_<NAME>');
  });

  it('reads the variable; unset or empty is "not here"', () => {
    const scope = { environment: 'UAT', names: ['paynet.client_secret'], environments: ['UAT'] };
    expect(readEnvSecret({ COUNTERSIGN_SECRET_UAT_PAYNET_CLIENT_SECRET: 'from-ci-123' }, scope, 'paynet.client_secret')).toEqual({
      value: 'from-ci-123',
      variable: 'COUNTERSIGN_SECRET_UAT_PAYNET_CLIENT_SECRET',
    });
    expect(readEnvSecret({ COUNTERSIGN_SECRET_UAT_PAYNET_CLIENT_SECRET: '' }, scope, 'paynet.client_secret')).toBeNull();
    expect(readEnvSecret({}, scope, 'paynet.client_secret')).toBeNull();
    // Another environment's variable is not this one's.
    expect(readEnvSecret({ COUNTERSIGN_SECRET_PROD_PAYNET_CLIENT_SECRET: 'x-prod-value' }, scope, 'paynet.client_secret')).toBeNull();
  });

  it('refuses a variable two secret names of the environment share, naming both, without the value', () => {
    const env = { COUNTERSIGN_SECRET_UAT_PAYNET_KEY: 'shared-value-42' };
    const scope = { environment: 'UAT', names: ['paynet.key', 'paynet_key'], environments: ['UAT'] };
    let message = '';
    try {
      readEnvSecret(env, scope, 'paynet.key');
    } catch (error) {
      message = error instanceof Error ? error.message : '';
    }
    expect(message).toContain('COUNTERSIGN_SECRET_UAT_PAYNET_KEY is ambiguous');
    expect(message).toContain('"paynet_key"');
    expect(message).not.toContain('shared-value-42');
  });

  it('refuses a variable two environment names share (UAT-2 and "UAT 2")', () => {
    const scope = { environment: 'UAT-2', names: ['k.secret'], environments: ['UAT-2', 'UAT 2'] };
    expect(() => readEnvSecret({ COUNTERSIGN_SECRET_UAT_2_K_SECRET: 'value-for-one' }, scope, 'k.secret')).toThrow(/of environment "UAT 2"/);
  });
});

describe('pass entry names', () => {
  it('defaults the prefix to countersign/<environment, lower-cased>', () => {
    expect(defaultPassPrefix('UAT')).toBe('countersign/uat');
    expect(defaultPassPrefix('Sandbox 2')).toBe('countersign/sandbox-2');
    expect(passEntryName('countersign/uat', 'paynet.client_secret')).toBe('countersign/uat/paynet.client_secret');
  });

  it('refuses a name that would leave the prefix', () => {
    expect(() => passEntryName('countersign/uat', '../prod/key')).toThrow(/would leave the prefix/);
    expect(() => passEntryName('countersign/uat', 'a//b')).toThrow(/would leave the prefix/);
  });
});
