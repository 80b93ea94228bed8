import type { ReactNode } from 'react';
import { CapturesEditor, type NameLists } from './CapturesEditor.tsx';
import type { CallbackStepDraft, RequestStepDraft, StepDraft } from './draft.ts';
import { FieldIssues } from './FieldIssues.tsx';
import type { IssueIndex } from './issues.ts';
import { PollEditor } from './PollEditor.tsx';
import type { RequestGroup } from './request-options.ts';

type Props = {
  step: StepDraft;
  index: number;
  count: number;
  /** null while the collection's tree loads. */
  requests: RequestGroup[] | null;
  issues: IssueIndex;
  lists: NameLists;
  onChange: (step: StepDraft) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
};

/** One step of the list: its kind's fields, its captures, and the buttons that reorder or drop it. */
export function StepEditor({ step, index, count, requests, issues, lists, onChange, onMove, onRemove }: Props) {
  const number = String(index + 1);
  const path = `flow.steps.${String(index)}`;
  return (
    <section className="fe-step" aria-label={`Step ${number}`} data-testid="flow-editor-step">
      <header className="fe-step-head">
        <h4>
          Step {number} · {step.kind === 'request' ? 'Request' : 'Wait for a callback'}
        </h4>
        <span className="fe-step-tools">
          <button type="button" aria-label={`Move step ${number} up`} disabled={index === 0} onClick={() => onMove(-1)}>
            ↑
          </button>
          <button type="button" aria-label={`Move step ${number} down`} disabled={index === count - 1} onClick={() => onMove(1)}>
            ↓
          </button>
          <button type="button" className="danger" aria-label={`Remove step ${number}`} onClick={onRemove}>
            Remove
          </button>
        </span>
      </header>
      {step.kind === 'request' ? (
        <RequestFields step={step} path={path} requests={requests} issues={issues} onChange={onChange} />
      ) : (
        <CallbackFields step={step} path={path} issues={issues} onChange={onChange} />
      )}
      <CapturesEditor
        captures={step.captures}
        readsFrom={step.kind === 'request' ? 'response' : 'callback'}
        path={path}
        issues={issues}
        lists={lists}
        onChange={(captures) => onChange({ ...step, captures })}
      />
    </section>
  );
}

function Row({ label, messages, children }: { label: string; messages: readonly string[]; children: ReactNode }) {
  return (
    <>
      <span className="fe-label">{label}</span>
      <span>
        {children}
        <FieldIssues messages={messages} />
      </span>
    </>
  );
}

function RequestFields({ step, path, requests, issues, onChange }: { step: RequestStepDraft; path: string; requests: RequestGroup[] | null; issues: IssueIndex; onChange: (step: RequestStepDraft) => void }) {
  const chosen = requests?.flatMap((group) => group.requests).find((request) => request.id === step.requestId);
  const requestIssues = issues.at(`${path}.requestId`);
  const nameIssues = issues.at(`${path}.name`);
  return (
    <>
      <div className="fe-fields">
        <Row label="Request" messages={requestIssues}>
          <select aria-label="Request" aria-invalid={requestIssues.length > 0 || undefined} value={step.requestId} onChange={(event) => onChange({ ...step, requestId: event.target.value })}>
            <option value="">— pick a request —</option>
            {step.requestId !== '' && !chosen && <option value={step.requestId}>{requests ? '(a request no longer in this collection)' : 'Loading…'}</option>}
            {(requests ?? []).map((group) => {
              const options = group.requests.map((request) => (
                <option key={request.id} value={request.id}>
                  {request.method} {request.name}
                </option>
              ));
              return group.path === '' ? options : <optgroup key={group.path} label={group.path}>{options}</optgroup>;
            })}
          </select>
        </Row>
        <Row label="Step name" messages={nameIssues}>
          <input
            aria-label="Step name"
            aria-invalid={nameIssues.length > 0 || undefined}
            placeholder={chosen ? chosen.name : 'the request’s name'}
            value={step.name}
            onChange={(event) => onChange({ ...step, name: event.target.value })}
          />
        </Row>
      </div>
      <div className="fe-row">
        <label className="radio">
          <input type="checkbox" checked={step.requireSuccess} onChange={(event) => onChange({ ...step, requireSuccess: event.target.checked })} />
          Fail on a non-2xx response
        </label>
        <label className="radio">
          <input type="checkbox" checked={step.saveToFile} onChange={(event) => onChange({ ...step, saveToFile: event.target.checked })} />
          Save body to file
        </label>
        <label className="radio">
          <input type="checkbox" checked={step.polls} onChange={(event) => onChange({ ...step, polls: event.target.checked })} />
          Repeat until a condition holds
        </label>
      </div>
      {step.saveToFile && <p className="hint">The body goes to the downloads folder under the server’s file name, with progress in the runner.</p>}
      {step.polls && <PollEditor poll={step.poll} path={`${path}.poll`} issues={issues} onChange={(poll) => onChange({ ...step, poll })} />}
    </>
  );
}

function CallbackFields({ step, path, issues, onChange }: { step: CallbackStepDraft; path: string; issues: IssueIndex; onChange: (step: CallbackStepDraft) => void }) {
  const nameIssues = issues.at(`${path}.name`);
  const matchIssues = issues.at(`${path}.match`);
  const timeoutIssues = issues.at(`${path}.timeoutSeconds`);
  return (
    <>
      <div className="fe-fields">
        <Row label="Step name" messages={nameIssues}>
          <input
            aria-label="Step name"
            aria-invalid={nameIssues.length > 0 || undefined}
            placeholder="Wait for the callback"
            value={step.name}
            onChange={(event) => onChange({ ...step, name: event.target.value })}
          />
        </Row>
        <Row label="Callback contains" messages={matchIssues}>
          <input
            className="fe-code"
            aria-label="Callback contains"
            aria-invalid={matchIssues.length > 0 || undefined}
            placeholder="{{externalId}}"
            value={step.match}
            onChange={(event) => onChange({ ...step, match: event.target.value })}
          />
        </Row>
        <Row label="Timeout (s)" messages={timeoutIssues}>
          <input
            type="number"
            min={0.1}
            step="any"
            aria-label="Timeout (s)"
            aria-invalid={timeoutIssues.length > 0 || undefined}
            value={step.timeoutSeconds}
            onChange={(event) => onChange({ ...step, timeoutSeconds: event.target.value })}
          />
        </Row>
      </div>
      <p className="hint">
        The step waits for the first request reaching the callback inbox whose path, headers or body contain this text (a template, e.g. {'{{externalId}}'}). Point the
        gateway at the inbox with a flow variable such as <code>{'{{$inboxUrl}}/callback'}</code>.
      </p>
    </>
  );
}
