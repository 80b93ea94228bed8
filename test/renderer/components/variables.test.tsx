import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { VariableFact } from '../../../main/contract/variables.ts';
import { environment, renderEditor, request, testApi } from './editor-fixture.tsx';

const FACTS: Record<string, VariableFact> = {
  baseUrl: { name: 'baseUrl', source: 'environment', environment: 'UAT', value: 'https://uat.gateway.test' },
  $uuid: { name: '$uuid', source: 'dynamic', description: 'a new random UUID (v4) at each send' },
  'secret:paynet.client_secret': { name: 'secret:paynet.client_secret', source: 'secret', environment: 'UAT', secret: 'paynet.client_secret', state: 'present', provider: 'env', location: 'COUNTERSIGN_SECRET_UAT_PAYNET_CLIENT_SECRET' },
  'secret:gone': { name: 'secret:gone', source: 'secret', environment: 'UAT', secret: 'gone', state: 'missing', provider: null, location: null },
};

function answering() {
  return testApi({ 'variables:resolve': ({ names }) => ({ variables: names.flatMap((name) => (FACTS[name] ? [FACTS[name]] : [])) }) });
}

describe('variables: hover or focus a {{var}} for its value and source', () => {
  it('focusing a URL variable shows its value and its environment', async () => {
    const user = userEvent.setup();
    const { api, calls } = answering();
    renderEditor(request({ url: '{{baseUrl}}/orders?id={{$uuid}}' }), { api, environment: environment() });
    await waitFor(() => expect(calls.some((call) => call.channel === 'variables:resolve')).toBe(true));
    expect(calls.find((call) => call.channel === 'variables:resolve')?.input).toEqual({ requestId: 'req-1', environmentId: 'env-uat', names: ['$uuid', 'baseUrl'] });
    const mark = within(screen.getByTestId('url-preview')).getByText('{{baseUrl}}');
    mark.focus();
    const tip = await screen.findByRole('tooltip');
    expect(tip.textContent).toBe('baseUrl = https://uat.gateway.testenvironment "UAT" variable');
    expect(mark.getAttribute('aria-describedby')).toBe(tip.id);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('tooltip')).toBeNull();
  });

  it('hovering a dynamic variable says it is made at each send', async () => {
    const user = userEvent.setup();
    const { api } = answering();
    renderEditor(request({ url: 'https://x.test/o?id={{$uuid}}' }), { api, environment: environment() });
    await user.hover(within(screen.getByTestId('url-preview')).getByText('{{$uuid}}'));
    await waitFor(() => expect(screen.getByRole('tooltip').textContent).toContain('a new random UUID (v4) at each send'));
  });

  it('a secret in a header shows its name and provider, never a value; a missing one is flagged', async () => {
    const user = userEvent.setup();
    const { api } = answering();
    renderEditor(
      request({
        headers: [
          { name: 'X-Client-Secret', value: '{{secret:paynet.client_secret}}', enabled: true },
          { name: 'X-Other', value: '{{secret:gone}}', enabled: true },
        ],
      }),
      { api, environment: environment() },
    );
    await user.click(screen.getByRole('tab', { name: 'Headers (2)' }));
    const secret = screen.getByText('{{secret:paynet.client_secret}}');
    await waitFor(() => expect(secret.className).toBe('wb-var ok'));
    await user.hover(secret);
    const tip = await screen.findByRole('tooltip');
    expect(tip.textContent).toContain('secret "paynet.client_secret" from environment variable COUNTERSIGN_SECRET_UAT_PAYNET_CLIENT_SECRET');
    expect(tip.textContent).not.toContain(' = ');
    await user.unhover(secret);
    const gone = screen.getByText('{{secret:gone}}');
    expect(gone.className).toBe('wb-var missing');
    gone.focus();
    expect((await screen.findByRole('tooltip')).textContent).toContain('secret "gone" is missing in environment "UAT": add it on the Vault screen');
  });

  it('the caret inside a {{variable}} of a field says what it resolves to; leaving it clears', async () => {
    const user = userEvent.setup();
    const { api } = answering();
    renderEditor(request({ url: '{{baseUrl}}/orders', headers: [{ name: 'X-Id', value: 'id-{{$uuid}}', enabled: true }] }), { api, environment: environment() });
    const status = screen.getByTestId('caret-variable');
    const url = screen.getByRole('textbox', { name: 'URL' });
    await user.click(url);
    await user.keyboard('{Home}{ArrowRight}{ArrowRight}{ArrowRight}');
    await waitFor(() => expect(status.textContent).toBe('{{baseUrl}} = https://uat.gateway.test · environment "UAT" variable'));
    await user.keyboard('{End}');
    expect(status.textContent).toBe('');
    await user.click(screen.getByRole('tab', { name: 'Headers (1)' }));
    const value = screen.getByRole('textbox', { name: 'Header 1 value' });
    await user.click(value);
    await user.keyboard('{End}{ArrowLeft}{ArrowLeft}{ArrowLeft}');
    expect(status.textContent).toBe('{{$uuid}} · dynamic: a new random UUID (v4) at each send');
  });

  it('a param variable is marked under its row and asked again when the vault changes', async () => {
    const { api, calls, emit } = answering();
    renderEditor(request({ url: 'https://x.test/o?token={{secret:gone}}' }), { api, environment: environment() });
    expect(screen.getByRole('group', { name: 'Variables in Param 1' }).textContent).toBe('token: {{secret:gone}}');
    await waitFor(() => expect(calls.filter((call) => call.channel === 'variables:resolve')).toHaveLength(1));
    emit('vault:changed', {});
    await waitFor(() => expect(calls.filter((call) => call.channel === 'variables:resolve')).toHaveLength(2));
  });
});
