import { describe, expect, it } from 'vitest';
import { vaultErrors } from '../../../main/vault/vault-errors.ts';
import { hostRefusal } from '../../../main/vault/hosts/host-guard.ts';
import { missingSecretOf, parseHostList, refusedHostOf } from '../../../renderer/src/pages/vault/vault-problem.ts';

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

describe('the renderer reading a host refusal', () => {
  it('finds the environment, every secret and the host main named, so "Allow" can ask for them', () => {
    const one = hostRefusal([{ environment: 'Sandbox', name: 'momo.api_key', value: 'x' }], '127.0.0.1:8080', '');
    expect(one.code).toBe('secret_host_refused');
    expect(refusedHostOf(one.message)).toEqual({ environment: 'Sandbox', names: ['momo.api_key'], host: '127.0.0.1:8080' });
    const two = hostRefusal(
      [
        { environment: 'My "UAT"', name: 'a', value: 'x' },
        { environment: 'My "UAT"', name: 'b:c', value: 'y' },
      ],
      '[::1]:8443',
      ' by a redirect',
    );
    expect(refusedHostOf(two.message)).toEqual({ environment: 'My "UAT"', names: ['a', 'b:c'], host: '[::1]:8443' });
    expect(parseHostList('api.example.com\n pay.example.com:8443, builtin:sandbox')).toEqual(['api.example.com', 'pay.example.com:8443', 'builtin:sandbox']);
  });
});
