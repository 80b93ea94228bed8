import { describe, expect, it } from 'vitest';
import { ServiceError } from '../../../main/contract/errors.ts';
import { withProviderHint } from '../../../main/secret-providers/host-hint.ts';
import { hostRefusal } from '../../../main/vault/hosts/host-guard.ts';

const refusal = (names: string[]) =>
  hostRefusal(
    names.map((name) => ({ environment: 'UAT', name, value: 'x'.repeat(12) })),
    'evil.example',
    '',
  );

describe('host refusals for provider secrets', () => {
  it('replaces the vault-only remedy with where the secret came from and what works', () => {
    const error = withProviderHint(refusal(['paynet.client_secret']), [{ name: 'paynet.client_secret', provider: 'pass', location: 'countersign/uat/paynet.client_secret' }]);
    expect(error).toBeInstanceOf(ServiceError);
    const message = (error as ServiceError).message;
    expect((error as ServiceError).code).toBe('secret_host_refused');
    expect(message).toMatch(/^The secret "paynet.client_secret" of environment "UAT" may not be sent to evil.example: /);
    expect(message).toContain('"paynet.client_secret" came from pass (countersign/uat/paynet.client_secret)');
    expect(message).not.toContain('vault allow');
  });

  it('leaves a refusal of vault secrets, and any other error, as it was', () => {
    const vaultOnly = refusal(['momo.api_key']);
    expect(withProviderHint(vaultOnly, [{ name: 'momo.api_key', provider: 'vault', location: null }])).toBe(vaultOnly);
    const other = new ServiceError('failed', 'something else');
    expect(withProviderHint(other, [{ name: 'x', provider: 'env', location: 'COUNTERSIGN_SECRET_UAT_X' }])).toBe(other);
  });
});
