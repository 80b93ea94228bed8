import { describe, expect, it, vi } from 'vitest';
import { ServiceError } from '../../../main/contract/errors.ts';
import { createDispatcher, type Handlers } from '../../../main/core/dispatcher.ts';

// Only the channels these tests call; the rest are never reached.
const baseHandlers = {
  'app:info': () => ({ name: 'Countersign', version: '1', mode: 'browser', dataDir: '/tmp/x', platform: 'linux' }),
  'settings:get': () => ({ theme: 'light' }),
  'settings:set': (patch) => ({ theme: patch.theme ?? 'light' }),
} satisfies Partial<Handlers> as unknown as Handlers;

describe('dispatcher', () => {
  it('parses input before the handler runs, so a handler never sees a refused value', async () => {
    const handler = vi.fn(() => ({ theme: 'dark' as const }));
    const dispatcher = createDispatcher({ ...baseHandlers, 'settings:set': handler });
    const envelope = await dispatcher.invoke('settings:set', { theme: 'purple' }, { door: 'test' });
    expect(envelope.ok).toBe(false);
    expect(handler).not.toHaveBeenCalled();
  });

  it('strips fields a handler returns beyond the output schema', async () => {
    const leaky = (() => ({ theme: 'dark', secretValue: 'hunter2' })) as unknown as Handlers['settings:get'];
    const dispatcher = createDispatcher({ ...baseHandlers, 'settings:get': leaky });
    const envelope = await dispatcher.invoke('settings:get', {}, { door: 'test' });
    expect(envelope).toEqual({ ok: true, value: { theme: 'dark' } });
  });

  it('turns a result that breaks the output schema into an internal error', async () => {
    const broken = (() => ({ theme: 42 })) as unknown as Handlers['settings:get'];
    const onInternalError = vi.fn();
    const dispatcher = createDispatcher({ ...baseHandlers, 'settings:get': broken }, { onInternalError });
    const envelope = await dispatcher.invoke('settings:get', {}, { door: 'test' });
    expect(envelope).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(onInternalError).toHaveBeenCalledOnce();
  });

  it('passes a ServiceError through with its code and message', async () => {
    const dispatcher = createDispatcher({
      ...baseHandlers,
      'settings:get': () => {
        throw new ServiceError('locked', 'The vault is locked.');
      },
    });
    expect(await dispatcher.invoke('settings:get', {}, { door: 'test' })).toEqual({
      ok: false,
      error: { code: 'locked', message: 'The vault is locked.' },
    });
  });

  it('hides the text and stack of an unexpected error from the caller', async () => {
    const onInternalError = vi.fn();
    const dispatcher = createDispatcher(
      {
        ...baseHandlers,
        'settings:get': () => {
          throw new Error('ENOENT /home/someone/secret-file at foo.ts:12');
        },
      },
      { onInternalError },
    );
    const envelope = await dispatcher.invoke('settings:get', {}, { door: 'test' });
    expect(envelope.ok).toBe(false);
    expect(JSON.stringify(envelope)).not.toContain('secret-file');
    expect(onInternalError).toHaveBeenCalledOnce();
  });

  it('call() returns the value or throws a ServiceError', async () => {
    const dispatcher = createDispatcher(baseHandlers);
    await expect(dispatcher.call('settings:set', { theme: 'dark' })).resolves.toEqual({ theme: 'dark' });
    await expect(dispatcher.call('settings:set', { theme: 'x' } as never)).rejects.toBeInstanceOf(ServiceError);
  });
});
