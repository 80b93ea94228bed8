import type { VariableFacts } from './variables/use-variable-facts.ts';
import { VariableMark } from './variables/VariableMark.tsx';
import { splitTemplate } from './template-vars.ts';

type Props = { text: string; known: ReadonlySet<string>; facts?: VariableFacts | null; testId?: string; label?: string };

/** The text with each `{{var}}` marked (resolved in the accent colour, unresolved in red); hover or focus one for its value and source. */
export function TemplatePreview({ text, known, facts = null, testId = 'url-preview', label }: Props) {
  return (
    <div className="wb-template" data-testid={testId} {...(label ? { role: 'group', 'aria-label': label } : {})}>
      {splitTemplate(text, known).map((piece, index) =>
        piece.kind === 'text' ? <span key={index}>{piece.text}</span> : <VariableMark key={index} text={piece.text} name={piece.name} resolved={piece.resolved} fact={facts?.get(piece.name)} />,
      )}
    </div>
  );
}
