import { useState } from 'react';
import { composedUrl, fromUrlText, type QueryParts } from './query-sync.ts';

type Props = { parts: QueryParts; onChange: (parts: QueryParts) => void };

/**
 * The URL as it will be sent (the URL's own query plus the enabled Params
 * rows). What the user types stays in the field as typed; it is replaced only
 * when the request changes from elsewhere (the Params table, another tab).
 */
export function UrlField({ parts, onChange }: Props) {
  const shown = composedUrl(parts);
  const [text, setText] = useState(shown);
  // The composed URL of the last change made here: when the draft still composes to it, the typed text stands.
  const [mine, setMine] = useState(shown);
  if (shown !== mine) {
    setMine(shown);
    setText(shown);
  }
  return (
    <input
      aria-label="URL"
      className="wb-url"
      spellCheck={false}
      value={text}
      placeholder="{{baseUrl}}/path"
      onChange={(event) => {
        const next = fromUrlText(parts, event.target.value);
        setMine(composedUrl(next));
        setText(event.target.value);
        onChange(next);
      }}
    />
  );
}
