import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelNames } from '../../../main/contract/index.ts';
import type { Backend } from '../../../main/services/backend.ts';
import { testBackend } from '../../support/backend.ts';
import { malformedInputsFor } from '../../support/malformed-inputs.ts';
import { makeTempDir } from '../../support/temp-dir.ts';

// Walks every channel of the contract, so a channel added later is covered here without a new test.
describe('every contract channel refuses malformed input and keeps serving', () => {
  let dir: Awaited<ReturnType<typeof makeTempDir>>;
  let backend: Backend;
  beforeAll(async () => {
    dir = await makeTempDir();
    backend = testBackend(dir.path);
  });
  afterAll(async () => {
    await backend.close();
    await dir.remove();
  });

  it('has channels to walk', () => {
    expect(channelNames.length).toBeGreaterThanOrEqual(3);
  });

  for (const name of channelNames) {
    for (const { label, input } of malformedInputsFor(name)) {
      it(`${name} refuses ${label}`, async () => {
        const envelope = await backend.dispatcher.invoke(name, input, { door: 'test' });
        expect(envelope.ok).toBe(false);
        if (envelope.ok) return;
        expect(envelope.error.code).toBe('invalid_input');
        expect(envelope.error.message).toContain(name);
        expect(envelope.error.message.length).toBeLessThan(1000);
        expect(envelope.error.message).not.toMatch(/\bat .*\.ts:\d+/);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        // Still serving after the refusal.
        const info = await backend.dispatcher.invoke('app:info', {}, { door: 'test' });
        expect(info.ok).toBe(true);
      });
    }
  }

  it('refuses a channel name that is not in the contract', async () => {
    for (const name of ['vault:reveal', '__proto__', 'constructor', 'toString', 42, null]) {
      const envelope = await backend.dispatcher.invoke(name, {}, { door: 'test' });
      expect(envelope).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
    }
  });
});
