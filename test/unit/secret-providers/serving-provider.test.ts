import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { servingProvider, type LookupEnvironment } from '../../../main/secret-providers/serving-provider.ts';

// A pass store is only a folder of <entry>.gpg files to the lookup: it checks that the file exists, never decrypts.
const store = mkdtempSync(join(tmpdir(), 'countersign-serving-'));
mkdirSync(join(store, 'countersign', 'uat'), { recursive: true });
writeFileSync(join(store, 'countersign', 'uat', 'merchant_pin.gpg'), 'not really encrypted');
afterAll(() => rmSync(store, { recursive: true, force: true }));

const uat: LookupEnvironment = { name: 'UAT', secretProviders: [{ kind: 'env' }, { kind: 'pass' }] };
const env = { PASSWORD_STORE_DIR: store, COUNTERSIGN_SECRET_UAT_API_KEY: 'from-ci' };

describe('which provider serves a secret (one lookup for the overview, the Vault list and the hover)', () => {
  it('asks the vault first, then each provider in order', () => {
    expect(servingProvider(uat, 'api_key', ['api_key'], env)).toEqual({ state: 'present', provider: 'vault', location: null });
    expect(servingProvider(uat, 'api_key', [], env)).toEqual({ state: 'present', provider: 'env', location: 'COUNTERSIGN_SECRET_UAT_API_KEY' });
    expect(servingProvider(uat, 'merchant_pin', [], env)).toEqual({ state: 'present', provider: 'pass', location: 'countersign/uat/merchant_pin' });
    // The order is the environment's: pass listed first wins over a set variable.
    const passFirst: LookupEnvironment = { name: 'UAT', secretProviders: [{ kind: 'pass' }, { kind: 'env' }] };
    const both = { ...env, COUNTERSIGN_SECRET_UAT_MERCHANT_PIN: '4821' };
    expect(servingProvider(passFirst, 'merchant_pin', [], both).provider).toBe('pass');
    expect(servingProvider(uat, 'merchant_pin', [], both).provider).toBe('env');
  });

  it('counts an empty variable as not set, and a name no provider can spell as not served there', () => {
    expect(servingProvider(uat, 'api_key', [], { ...env, COUNTERSIGN_SECRET_UAT_API_KEY: '' })).toEqual({ state: 'missing', provider: null, location: null });
    const passOnly: LookupEnvironment = { name: 'UAT', secretProviders: [{ kind: 'pass' }] };
    expect(servingProvider(passOnly, '../merchant_pin', [], env)).toEqual({ state: 'missing', provider: null, location: null });
  });

  it('while the vault is locked: a provider below is still named, otherwise the state is unknown, not missing', () => {
    expect(servingProvider(uat, 'api_key', null, env)).toEqual({ state: 'present', provider: 'env', location: 'COUNTERSIGN_SECRET_UAT_API_KEY' });
    expect(servingProvider(uat, 'nothing_here', null, env)).toEqual({ state: 'unknown', provider: null, location: null });
    expect(servingProvider({ name: 'UAT' }, 'api_key', null, env)).toEqual({ state: 'unknown', provider: null, location: null });
  });

  it('with no providers only the vault serves', () => {
    expect(servingProvider({ name: 'UAT' }, 'api_key', [], env)).toEqual({ state: 'missing', provider: null, location: null });
  });
});
