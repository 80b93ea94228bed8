/** Pretty JSON whose objects and arrays fold open and shut (native <details>, so no state to keep). */
export function JsonTree({ value, name }: { value: unknown; name?: string }) {
  const label = name === undefined ? null : <span className="wb-json-key">{JSON.stringify(name)}: </span>;
  if (value !== null && typeof value === 'object') {
    const entries: (readonly [string, unknown])[] = Array.isArray(value) ? (value as unknown[]).map((item, index) => [String(index), item] as const) : Object.entries(value);
    const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
    return (
      <details open className="wb-json-node">
        <summary>
          {label}
          {open}
          <span className="hint"> {entries.length} {Array.isArray(value) ? 'items' : 'keys'}</span>
        </summary>
        <div className="wb-json-children">
          {entries.map(([key, item]) => (
            <JsonTree key={key} value={item} {...(Array.isArray(value) ? {} : { name: key })} />
          ))}
        </div>
        {close}
      </details>
    );
  }
  return (
    <div className="wb-json-leaf">
      {label}
      <span className={`wb-json-${value === null ? 'null' : typeof value}`}>{JSON.stringify(value)}</span>
    </div>
  );
}
