import { act, screen } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import type { Environment } from '../../../main/contract/workspace.ts';
import { useSend } from '../../../renderer/src/pages/workbench/use-send.ts';
import { sendResult } from '../components/response-fixture.ts';
import { deferred, fakeApi, renderWithState, settle } from '../state/fake-api.tsx';
import type { SendResult } from '../../../main/contract/requests.ts';

const preview = { data: '{}', truncated: false, encoding: 'utf8' } as const;
const uat: Environment = { id: 'env-uat', name: 'UAT', protected: false, variables: [], secrets: [] };
const noPreparation = () => Promise.resolve();

function Workbench() {
  const view = useSend(noPreparation);
  return (
    <div>
      <button onClick={() => view.send('req-1', 'Orders', uat)}>Send</button>
      <output aria-label="status">{view.running ? 'sending' : view.result?.outcome.ok ? `answered ${String(view.result.outcome.response.status)}` : 'nothing yet'}</output>
    </div>
  );
}

/** The app's page switch: the workbench unmounts while another page is shown. */
function Pages() {
  const [page, setPage] = useState<'workbench' | 'flows'>('workbench');
  return (
    <>
      <button onClick={() => setPage(page === 'workbench' ? 'flows' : 'workbench')}>Switch page</button>
      {page === 'workbench' ? <Workbench /> : <p>Flows</p>}
    </>
  );
}

/** Clicks and lets React and the fake API's answers settle. */
async function click(name: string): Promise<void> {
  await act(async () => {
    screen.getByRole('button', { name }).click();
    await Promise.resolve();
  });
}

const status = () => screen.getByLabelText('status').textContent;

describe('useSend', () => {
  it('still shows the response after a visit to another page', async () => {
    const api = fakeApi({ 'requests:send': () => sendResult(preview) });
    renderWithState(<Pages />, api);
    await click('Send');
    expect(status()).toBe('answered 200');
    await click('Switch page');
    await click('Switch page');
    expect(status()).toBe('answered 200');
  });

  it('shows the answer of a send that ended while the user was on another page', async () => {
    const answer = deferred<SendResult>();
    const api = fakeApi({ 'requests:send': () => answer.promise });
    renderWithState(<Pages />, api);
    await click('Send');
    expect(status()).toBe('sending');
    await click('Switch page');
    await settle(() => answer.resolve(sendResult(preview, { status: 201 })));
    await click('Switch page');
    expect(status()).toBe('answered 201');
  });
});
