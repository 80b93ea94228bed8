import { describe, expect, it } from 'vitest';
import { applyNetworkSet, applyNetworkUnset } from '../../../main/cli/commands/env-network.ts';
import { NetworkSettings } from '../../../main/contract/network.ts';
import { hostIsExcluded } from '../../../main/requests/network-options.ts';

describe('no-proxy matching', () => {
  it.each([
    ['https://api.internal/x', '.internal', true],
    ['https://api.internal/x', 'internal', true],
    ['https://notinternal/x', 'internal', false],
    ['https://gw.example:8443/x', 'gw.example:8443', true],
    ['https://gw.example/x', 'gw.example:8443', false],
    ['http://127.0.0.1:9000/x', 'localhost, 127.0.0.1', true],
    ['https://anything.example/x', '*', true],
    ['https://gw.example/x', '', false],
  ])('%s against "%s" → %s', (url, list, expected) => {
    expect(hostIsExcluded(url, list)).toBe(expected);
  });
});

describe('the network settings model', () => {
  it('refuses proxy credentials in the URL and a URL that is not http(s)', () => {
    expect(NetworkSettings.safeParse({ proxy: { url: 'http://bob:pw@proxy:3128' } }).success).toBe(false);
    expect(NetworkSettings.safeParse({ proxy: { url: 'socks5://proxy:1080' } }).success).toBe(false);
    expect(NetworkSettings.safeParse({ proxy: { url: 'http://proxy:3128' } }).success).toBe(true);
  });
});

describe('env set / unset flags', () => {
  it('keeps what is not mentioned and replaces a PEM pair with PKCS#12 only when asked', () => {
    const pem = applyNetworkSet({ caSecret: 'ca' }, { 'client-cert-secret': 'c', 'client-key-secret': 'k' });
    expect(pem).toEqual({ caSecret: 'ca', clientCertificate: { format: 'pem', certSecret: 'c', keySecret: 'k' } });
    // Changing only the key keeps the certificate.
    expect(applyNetworkSet(pem, { 'client-key-secret': 'k2' }).clientCertificate).toEqual({ format: 'pem', certSecret: 'c', keySecret: 'k2' });
    expect(applyNetworkSet(pem, { 'pkcs12-secret': 'p' }).clientCertificate).toEqual({ format: 'pkcs12', pkcs12Secret: 'p' });
  });

  it('refuses contradictions', () => {
    expect(() => applyNetworkSet({}, { insecure: true, verify: true })).toThrow(/not both/);
    expect(() => applyNetworkSet({}, { 'client-cert-secret': 'c', 'pkcs12-secret': 'p' })).toThrow(/not both/);
    expect(() => applyNetworkSet({}, { 'proxy-credentials-secret': 'x' })).toThrow(/--proxy/);
    expect(() => applyNetworkSet({}, { 'ca-secret': 'not a {{name}}' })).toThrow(/vault secret name/);
  });

  it('--insecure and --verify toggle verification; unset removes settings', () => {
    const off = applyNetworkSet({}, { insecure: true });
    expect(off.verifyTls).toBe(false);
    expect(applyNetworkSet(off, { verify: true }).verifyTls).toBeUndefined();
    expect(applyNetworkUnset({ proxy: { url: 'http://p:1' }, noProxy: 'a', verifyTls: false }, { proxy: true, insecure: true })).toEqual({ noProxy: 'a' });
  });
});
