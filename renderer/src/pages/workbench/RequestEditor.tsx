import { useMemo, useState, type SyntheticEvent } from 'react';
import type { Environment, RequestNode } from '../../../../main/contract/workspace.ts';
import { AssertionsEditor } from './assertions/AssertionsEditor.tsx';
import { AuthEditor } from './AuthEditor.tsx';
import { BodyEditor } from './BodyEditor.tsx';
import { PairsEditor } from './PairsEditor.tsx';
import { SettingsEditor } from './SettingsEditor.tsx';
import { hasTemplate, knownNames, templateNames, unresolvedNames } from './template-vars.ts';
import { TemplatePreview } from './TemplatePreview.tsx';
import { ParamsTable } from './params/ParamsTable.tsx';
import { UrlField } from './params/UrlField.tsx';
import { composedUrl, rowsOf } from './params/query-sync.ts';
import { useVariableFacts, type VariableFacts } from './variables/use-variable-facts.ts';
import { CaretVariable } from './variables/CaretVariable.tsx';
import { variableAt } from './variables/variable-at.ts';

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'];

type Props = {
  draft: RequestNode;
  environment: Environment | undefined;
  secretNames: readonly string[];
  vaultLocked: boolean;
  running: boolean;
  /** Another tab's request is on its way; one send at a time. */
  blocked: boolean;
  onChange: (change: (draft: RequestNode) => RequestNode) => void;
  onSend: () => void;
  onCancel: () => void;
  /** Shows the signed request as a curl command; absent when there is no environment to sign for. */
  onCopyCurl?: (() => void) | undefined;
};

/** Everything that makes one request, templates included; edits are a draft until saved. */
export function RequestEditor({ draft, environment, secretNames, vaultLocked, running, blocked, onChange, onSend, onCancel, onCopyCurl }: Props) {
  const [section, setSection] = useState<'params' | 'headers' | 'body' | 'auth' | 'settings' | 'assertions'>('params');
  const known = useMemo(() => knownNames(environment, secretNames), [environment, secretNames]);
  const unresolved = useMemo(() => {
    const texts = [draft.url, ...draft.params.flatMap((pair) => [pair.name, pair.value]), ...draft.headers.flatMap((pair) => [pair.name, pair.value])];
    if (draft.body.kind === 'json' || draft.body.kind === 'raw') texts.push(draft.body.text);
    if (draft.body.kind === 'form') texts.push(...draft.body.pairs.map((pair) => pair.value));
    if (draft.auth.mode === 'chain') texts.push(JSON.stringify(draft.auth.steps));
    return unresolvedNames(texts, known);
  }, [draft, known]);
  const names = useMemo(() => templateNames([draft.url, ...draft.params.flatMap((pair) => [pair.name, pair.value]), ...draft.headers.flatMap((pair) => [pair.name, pair.value])]), [draft.url, draft.params, draft.headers]);
  const facts = useVariableFacts(draft.id, environment?.id, names);
  const parts = { url: draft.url, params: draft.params };
  // The {{name}} the caret sits in, in any one-line field of the editor (URL, params, headers).
  const [caretName, setCaretName] = useState<string | null>(null);
  const followCaret = (event: SyntheticEvent) => {
    const target = event.target;
    setCaretName(target instanceof HTMLInputElement && (target.type === 'text' || target.type === '') ? variableAt(target.value, target.selectionStart) : null);
  };

  const counts = { params: rowsOf(parts).length, headers: draft.headers.length };
  return (
    <section className="wb-editor" aria-label="Request" onSelect={followCaret} onKeyUp={followCaret} onFocus={followCaret} onBlur={() => setCaretName(null)}>
      <div className="wb-urlbar">
        <select aria-label="Method" value={draft.method} onChange={(event) => onChange((old) => ({ ...old, method: event.target.value }))}>
          {[...new Set([...METHODS, draft.method])].map((method) => (
            <option key={method}>{method}</option>
          ))}
        </select>
        <UrlField key={draft.id} parts={parts} onChange={(next) => onChange((old) => ({ ...old, ...next }))} />
        {running ? (
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        ) : (
          <button type="button" className="primary" onClick={onSend} disabled={blocked} title={blocked ? 'Another request is being sent: wait for it or cancel it' : 'Ctrl/Cmd+Enter'}>
            Send
          </button>
        )}
        <button type="button" onClick={onCopyCurl} disabled={!onCopyCurl} title="The signed request as a curl command, secrets replaced by placeholders">
          Copy as curl
        </button>
      </div>
      <TemplatePreview text={composedUrl(parts)} known={known} facts={facts} />
      <CaretVariable name={caretName} fact={caretName === null ? undefined : facts?.get(caretName)} resolved={caretName !== null && (known.has(caretName) || caretName.startsWith('$'))} />
      {unresolved.length > 0 && (
        <p className="warn" role="status" data-testid="unresolved">
          Not defined in {environment?.name ?? 'this environment'}: {unresolved.map((name) => `{{${name}}}`).join(', ')}
          {vaultLocked && unresolved.some((name) => name.startsWith('secret:')) && ' (the vault is locked: unlock it to check secret names)'}
        </p>
      )}
      <div role="tablist" aria-label="Request parts" className="wb-segments">
        {(['params', 'headers', 'body', 'auth', 'settings', 'assertions'] as const).map((part) => (
          <button key={part} type="button" role="tab" aria-selected={section === part} onClick={() => setSection(part)}>
            {part === 'params' ? `Params (${counts.params})` : part === 'headers' ? `Headers (${counts.headers})` : part === 'body' ? `Body (${draft.body.kind})` : part === 'auth' ? 'Auth' : part === 'settings' ? 'Settings' : `Assertions (${draft.assertions?.length ?? 0})`}
          </button>
        ))}
      </div>
      {section === 'params' && <ParamsTable parts={parts} onChange={(next) => onChange((old) => ({ ...old, ...next }))} below={(row, index) => <RowVariables label={`Variables in Param ${index + 1}`} row={row} known={known} facts={facts} />} />}
      {section === 'headers' && (
        <PairsEditor label="Header" pairs={draft.headers} onChange={(headers) => onChange((old) => ({ ...old, headers }))} below={(row, index) => <RowVariables label={`Variables in Header ${index + 1}`} row={row} known={known} facts={facts} />} />
      )}
      {section === 'body' && <BodyEditor body={draft.body} onChange={(body) => onChange((old) => ({ ...old, body }))} />}
      {section === 'settings' && <SettingsEditor settings={draft.settings} onChange={(settings) => onChange((old) => ({ ...old, settings }))} />}
      {section === 'assertions' && <AssertionsEditor assertions={draft.assertions} onChange={(assertions) => onChange((old) => ({ ...old, assertions }))} />}
      {section === 'auth' && <AuthEditor requestId={draft.id} auth={draft.auth} secretNames={secretNames} onChange={(auth) => onChange((old) => ({ ...old, auth }))} />}
    </section>
  );
}

/** Under a row whose name or value holds a `{{var}}`: the row with its variables marked, to hover or focus. */
function RowVariables({ label, row, known, facts }: { label: string; row: { name: string; value: string }; known: ReadonlySet<string>; facts: VariableFacts | null }) {
  if (!hasTemplate(row.name) && !hasTemplate(row.value)) return null;
  return <TemplatePreview text={`${row.name}: ${row.value}`} known={known} facts={facts} testId="row-variables" label={label} />;
}
