import { act, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import type { Settings } from '../../../main/contract/settings.ts';
import { ApiError, errorMessage } from '../../../renderer/src/api/errors.ts';
import { skip, useChannel, useChannelMutation, useEvent, useInvalidateOn } from '../../../renderer/src/state/use-channel.ts';
import { channelKey } from '../../../renderer/src/state/channel-key.ts';
import { useApi } from '../../../renderer/src/api/context.tsx';
import { useQueries } from '@tanstack/react-query';
import { deferred, fakeApi, renderWithState, settle } from './fake-api.tsx';

function Theme() {
  const settings = useChannel('settings:get', {}, { invalidateOn: ['settings:changed'] });
  if (settings.error) return <p role="alert">{errorMessage(settings.error)}</p>;
  return <p>theme: {settings.data?.theme ?? 'loading'}</p>;
}

function Hosts({ environment }: { environment: string | null }) {
  const hosts = useChannel('vault:default-hosts', environment ? { environment } : skip);
  return <p>hosts: {hosts.data ? hosts.data.hosts.join(',') : 'none'}</p>;
}

function HostsSwitcher() {
  const [environment, setEnvironment] = useState('UAT');
  return (
    <>
      <button onClick={() => setEnvironment('Production')}>switch</button>
      <Hosts environment={environment} />
    </>
  );
}

describe('useChannel', () => {
  it('refetches when an event it listed arrives, and not for others', async () => {
    let theme: Settings['theme'] = 'light';
    const api = fakeApi({ 'settings:get': () => ({ theme }) });
    renderWithState(<Theme />, api);
    await screen.findByText('theme: light');
    theme = 'dark';
    act(() => api.emit('vault:changed', { reason: 'locked', status: { state: 'locked', protection: { keychain: false, passphrase: true, keychainAvailable: false }, autoLockMinutes: 5, problem: null, secretCount: null } } as never));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(screen.getByText('theme: light')).toBeTruthy();
    act(() => api.emit('settings:changed', { theme: 'dark' }));
    await screen.findByText('theme: dark');
  });

  it('asks main once for every component that shows the same answer, and stops listening when none does', async () => {
    const api = fakeApi({ 'settings:get': () => ({ theme: 'light' }) });
    const view = renderWithState(
      <>
        <Theme />
        <Theme />
      </>,
      api,
    );
    await waitFor(() => expect(screen.getAllByText('theme: light')).toHaveLength(2));
    expect(api.calls.filter((call) => call.channel === 'settings:get')).toHaveLength(1);
    expect(api.listeners('settings:changed')).toBe(1);
    view.unmount();
    expect(api.listeners('settings:changed')).toBe(0);
  });

  it('never lets an older answer overwrite a newer one after an event', async () => {
    const answers = [deferred<Settings>(), deferred<Settings>(), deferred<Settings>()];
    let call = 0;
    const api = fakeApi({ 'settings:get': () => answers[call++]!.promise });
    renderWithState(<Theme />, api);
    await settle(() => answers[0]!.resolve({ theme: 'light' }));
    await screen.findByText('theme: light');
    // Two changes in a row: the first refetch is still out when the second event comes.
    act(() => api.emit('settings:changed', { theme: 'dark' }));
    await waitFor(() => expect(call).toBe(2));
    act(() => api.emit('settings:changed', { theme: 'system' }));
    await waitFor(() => expect(call).toBe(3));
    await settle(() => answers[2]!.resolve({ theme: 'system' }));
    await screen.findByText('theme: system');
    // The superseded answer arrives last and is dropped.
    await settle(() => answers[1]!.resolve({ theme: 'dark' }));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(screen.getByText('theme: system')).toBeTruthy();
  });

  it('fetches again when an event arrives while the first answer is still out, so that answer is not the last word', async () => {
    const answers = [deferred<Settings>(), deferred<Settings>()];
    let call = 0;
    const api = fakeApi({ 'settings:get': () => answers[call++]!.promise });
    renderWithState(<Theme />, api);
    await waitFor(() => expect(call).toBe(1));
    // Main changed the setting after it read the first answer but before it arrived.
    act(() => api.emit('settings:changed', { theme: 'dark' }));
    await settle(() => answers[0]!.resolve({ theme: 'light' }));
    await waitFor(() => expect(call).toBe(2));
    await settle(() => answers[1]!.resolve({ theme: 'dark' }));
    await screen.findByText('theme: dark');
  });

  it("never shows the previous input's late answer for the new input", async () => {
    const uat = deferred<{ hosts: string[] }>();
    const api = fakeApi({ 'vault:default-hosts': ({ environment }) => (environment === 'UAT' ? uat.promise : { hosts: ['api.example.com'] }) });
    renderWithState(<HostsSwitcher />, api);
    act(() => screen.getByRole('button', { name: 'switch' }).click());
    await screen.findByText('hosts: api.example.com');
    await settle(() => uat.resolve({ hosts: ['uat.example.com'] }));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(screen.getByText('hosts: api.example.com')).toBeTruthy();
  });

  it('refetches for the events of every hook reading the channel, even when they list different ones', async () => {
    let theme: Settings['theme'] = 'light';
    function Plain() {
      const settings = useChannel('settings:get', {}, { invalidateOn: ['vault:changed'] });
      return <p>plain: {settings.data?.theme ?? 'loading'}</p>;
    }
    const api = fakeApi({ 'settings:get': () => ({ theme }) });
    renderWithState(
      <>
        <Theme />
        <Plain />
      </>,
      api,
    );
    await screen.findByText('plain: light');
    theme = 'dark';
    act(() => api.emit('settings:changed', { theme: 'dark' }));
    await screen.findByText('plain: dark');
    theme = 'system';
    act(() => api.emit('vault:changed', { reason: 'locked', status: { state: 'locked' } } as never));
    await screen.findByText('theme: system');
  });

  it('makes no call while the input is skipped', async () => {
    const api = fakeApi({ 'vault:default-hosts': () => ({ hosts: ['x'] }) });
    renderWithState(<Hosts environment={null} />, api);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(screen.getByText('hosts: none')).toBeTruthy();
    expect(api.calls).toHaveLength(0);
  });

  it("shows main's error message, and recovers when a later fetch succeeds", async () => {
    let fail = true;
    const api = fakeApi({
      'settings:get': () => {
        if (fail) throw new ApiError({ code: 'failed', message: 'The settings file cannot be read.' });
        return { theme: 'dark' };
      },
    });
    renderWithState(<Theme />, api);
    expect((await screen.findByRole('alert')).textContent).toBe('The settings file cannot be read.');
    fail = false;
    act(() => api.emit('settings:changed', { theme: 'dark' }));
    await screen.findByText('theme: dark');
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

describe('useInvalidateOn', () => {
  it('refetches a query made with useQueries that lists the event in its meta', async () => {
    let theme: Settings['theme'] = 'light';
    const api = fakeApi({ 'settings:get': () => ({ theme }) });
    function Many() {
      const apiClient = useApi();
      useInvalidateOn(['settings:changed']);
      const [settings] = useQueries({ queries: [{ queryKey: channelKey('settings:get', {}), queryFn: () => apiClient.invoke['settings:get']({}), meta: { invalidateOn: ['settings:changed'] } }] });
      return <p>many: {settings?.data?.theme ?? 'loading'}</p>;
    }
    renderWithState(<Many />, api);
    await screen.findByText('many: light');
    theme = 'dark';
    act(() => api.emit('settings:changed', { theme: 'dark' }));
    await screen.findByText('many: dark');
  });
});

describe('useChannelMutation', () => {
  function Toggle() {
    const settings = useChannel('settings:get', {});
    const set = useChannelMutation('settings:set', { invalidates: ['settings:get'] });
    return (
      <>
        <p>theme: {settings.data?.theme ?? 'loading'}</p>
        <button onClick={() => set.mutate({ theme: 'dark' })}>dark</button>
        {set.error && <p role="alert">{set.error.message}</p>}
      </>
    );
  }

  it('refreshes the reads it names after it succeeds', async () => {
    let theme: Settings['theme'] = 'light';
    const api = fakeApi({
      'settings:get': () => ({ theme }),
      'settings:set': (patch) => {
        theme = patch.theme ?? theme;
        return { theme };
      },
    });
    renderWithState(<Toggle />, api);
    await screen.findByText('theme: light');
    act(() => screen.getByRole('button', { name: 'dark' }).click());
    await screen.findByText('theme: dark');
  });

  it('keeps the error of a refused call for display', async () => {
    const api = fakeApi({
      'settings:get': () => ({ theme: 'light' }),
      'settings:set': () => {
        throw new ApiError({ code: 'invalid_input', message: 'theme must be light, dark or system' });
      },
    });
    renderWithState(<Toggle />, api);
    await screen.findByText('theme: light');
    act(() => screen.getByRole('button', { name: 'dark' }).click());
    expect((await screen.findByRole('alert')).textContent).toBe('theme must be light, dark or system');
    expect(screen.getByText('theme: light')).toBeTruthy();
  });
});

describe('useEvent', () => {
  it('hands each payload to the latest listener while mounted', () => {
    const seen: string[] = [];
    function Listener({ prefix }: { prefix: string }) {
      useEvent('settings:changed', (settings) => seen.push(prefix + settings.theme));
      return null;
    }
    const api = fakeApi();
    const view = renderWithState(<Listener prefix="a:" />, api);
    act(() => api.emit('settings:changed', { theme: 'dark' }));
    view.rerender(<Listener prefix="b:" />);
    act(() => api.emit('settings:changed', { theme: 'light' }));
    view.unmount();
    act(() => api.emit('settings:changed', { theme: 'system' }));
    expect(seen).toEqual(['a:dark', 'b:light']);
  });
});
