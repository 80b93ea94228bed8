import { describe, expect, it } from 'vitest';
import { secretFingerprint } from '../../../main/diagnosis/fingerprint.ts';
import { replaySources, ReplayExhaustedError, SigningRecorder } from '../../../main/diagnosis/recording.ts';

describe('recording what a signing drew, and playing it back', () => {
  it('records clock readings and random values in order, and secrets by fingerprint only', async () => {
    let t = 1_764_763_200_123;
    let n = 0;
    const recorder = new SigningRecorder(
      { now: () => t++ },
      { nonce: () => `nonce-${++n}`, uuid: () => `uuid-${++n}`, randomInt: () => ++n },
      { get: (environment, name) => Promise.resolve(`${environment}:${name}:value`) },
    );
    recorder.clock.now();
    recorder.nonces.uuid();
    recorder.nonces.nonce();
    await recorder.secrets.get('UAT', 'paynet.client_secret');
    expect(recorder.drawn).toEqual([
      { kind: 'clock', value: '1764763200123' },
      { kind: 'uuid', value: 'uuid-1' },
      { kind: 'nonce', value: 'nonce-2' },
    ]);
    expect(recorder.secretRefs).toEqual([{ name: 'paynet.client_secret', environment: 'UAT', length: 'UAT:paynet.client_secret:value'.length, fingerprint: secretFingerprint('UAT', 'paynet.client_secret', 'UAT:paynet.client_secret:value') }]);
    expect(JSON.stringify(recorder.secretRefs)).not.toContain('value');
    recorder.restart();
    expect(recorder.drawn).toEqual([]);
  });

  it('plays values back per kind in order; time stands still after the last reading; a missing random value is an error', () => {
    const replay = replaySources([
      { kind: 'clock', value: '1000' },
      { kind: 'uuid', value: 'u1' },
      { kind: 'clock', value: '2000' },
      { kind: 'nonce', value: 'n1' },
    ]);
    expect(replay.clock.now()).toBe(1000);
    expect(replay.nonces.nonce()).toBe('n1');
    expect(replay.nonces.uuid()).toBe('u1');
    expect(replay.clock.now()).toBe(2000);
    expect(replay.clock.now()).toBe(2000);
    expect(() => replay.nonces.uuid()).toThrow(ReplayExhaustedError);
  });

  it('fingerprints tell values apart, and are salted with environment and name', () => {
    const a = secretFingerprint('UAT', 'k', 'value-one');
    expect(a).toMatch(/^sha256:[0-9a-f]{16}$/);
    expect(secretFingerprint('UAT', 'k', 'value-one')).toBe(a);
    expect(secretFingerprint('UAT', 'k', 'value-two')).not.toBe(a);
    expect(secretFingerprint('Production', 'k', 'value-one')).not.toBe(a);
  });
});
