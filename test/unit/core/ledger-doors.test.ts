import { describe, expect, it } from 'vitest';
import { ServiceError } from '../../../main/contract/errors.ts';
import { createDispatcher, type Handlers } from '../../../main/core/dispatcher.ts';
import { createEventBus } from '../../../main/core/event-bus.ts';
import { Redactor } from '../../../main/core/redactor.ts';

const SECRET = 'vault-value-0a1b2c3d';

// Only the channels these tests call; the rest are never reached.
const handlers = (overrides: Partial<Handlers>) =>
  ({
    'app:info': () => ({ name: 'Countersign', version: '1', mode: 'browser', dataDir: `/data/${SECRET}`, platform: 'linux' }),
    'settings:get': () => {
      throw new ServiceError('failed', `could not read ${Buffer.from(SECRET).toString('base64')}`);
    },
    ...overrides,
  }) as unknown as Handlers;

describe('the ledger at the doors', () => {
  it('the dispatcher walks every output with the ledger, whatever field holds the value', async () => {
    const dispatcher = createDispatcher(handlers({}), { ledger: new Redactor().add(SECRET) });
    expect(await dispatcher.invoke('app:info', {}, { door: 'test' })).toMatchObject({ ok: true, value: { dataDir: '/data/[redacted]' } });
  });

  it('the dispatcher walks error messages too', async () => {
    const dispatcher = createDispatcher(handlers({}), { ledger: new Redactor().add(SECRET) });
    expect(await dispatcher.invoke('settings:get', {}, { door: 'test' })).toEqual({ ok: false, error: { code: 'failed', message: 'could not read [redacted]' } });
  });

  it('a value added to the ledger later is cut from later outputs; a cleared ledger cuts nothing', async () => {
    const ledger = new Redactor();
    const dispatcher = createDispatcher(handlers({}), { ledger });
    expect(JSON.stringify(await dispatcher.invoke('app:info', {}, { door: 'test' }))).toContain(SECRET);
    ledger.add(SECRET);
    expect(JSON.stringify(await dispatcher.invoke('app:info', {}, { door: 'test' }))).not.toContain(SECRET);
    ledger.clear();
    expect(JSON.stringify(await dispatcher.invoke('app:info', {}, { door: 'test' }))).toContain(SECRET);
  });

  it('the event bus walks every payload', () => {
    const bus = createEventBus(undefined, new Redactor().add(SECRET));
    const seen: unknown[] = [];
    bus.subscribe((_name, payload) => seen.push(payload));
    bus.emit('history:changed', { count: 1 });
    bus.emit('inbox:received', {
      id: 1,
      receivedAt: new Date(0).toISOString(),
      method: 'POST',
      path: `/cb?key=${SECRET}`,
      headers: [['x-key', SECRET]],
      body: `{"key":"${SECRET}"}`,
      bodyBytes: 10,
      truncated: false,
    });
    expect(seen[0]).toEqual({ count: 1 });
    expect(JSON.stringify(seen[1])).not.toContain(SECRET);
    expect(seen[1]).toMatchObject({ path: '/cb?key=[redacted]', headers: [['x-key', '[redacted]']] });
  });
});
