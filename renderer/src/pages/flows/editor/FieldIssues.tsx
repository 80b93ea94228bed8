/** What main (or the form) found wrong with one field, shown right under it. */
export function FieldIssues({ messages }: { messages: readonly string[] }) {
  if (messages.length === 0) return null;
  return (
    <span className="fe-issue" data-testid="field-issue">
      {messages.join(' ')}
    </span>
  );
}
