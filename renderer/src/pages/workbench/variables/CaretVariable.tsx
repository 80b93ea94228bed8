import type { VariableFact } from '../../../../../main/contract/variables.ts';
import { describeFact } from './describe-fact.ts';

/** What the `{{name}}` under the caret resolves to; announced politely as the caret moves into one. */
export function CaretVariable({ name, fact, resolved }: { name: string | null; fact: VariableFact | undefined; resolved: boolean }) {
  const described = fact ? describeFact(fact) : null;
  return (
    <p className="hint wb-var-caret" role="status" data-testid="caret-variable">
      {name !== null && (
        <>
          <code>{`{{${name}}}`}</code>
          {described?.value != null && (
            <>
              {' = '}
              <code className="wb-var-value">{described.value}</code>
            </>
          )}
          {' · '}
          {described ? described.source : resolved ? 'defined here' : 'not defined in this environment'}
        </>
      )}
    </p>
  );
}
