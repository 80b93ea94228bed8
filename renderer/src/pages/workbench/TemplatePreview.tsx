import { splitTemplate } from './template-vars.ts';

/** The text with each `{{var}}` marked: resolved in the accent colour, unresolved in red. */
export function TemplatePreview({ text, known }: { text: string; known: ReadonlySet<string> }) {
  return (
    <div className="wb-template" data-testid="url-preview">
      {splitTemplate(text, known).map((piece, index) =>
        piece.kind === 'text' ? (
          <span key={index}>{piece.text}</span>
        ) : (
          <mark key={index} className={piece.resolved ? 'wb-var ok' : 'wb-var missing'} title={piece.resolved ? piece.name : `${piece.name} is not defined here`}>
            {piece.text}
          </mark>
        ),
      )}
    </div>
  );
}
