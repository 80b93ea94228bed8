/** A JSON object body: its text as the user wrote it, and what it parses to. */
export type ParsedJsonBody = { readonly text: string; readonly value: Record<string, unknown> };

/**
 * The body text with string fields added at the end of its top-level object.
 * When none of the fields is there yet, the text is kept as written (its
 * whitespace, key order, number spellings) and each field is appended after
 * the last member as `,"name":"value"`; otherwise the object is written out
 * again with JSON.stringify, replacing the fields where they stand.
 */
export function withStringFields(body: ParsedJsonBody, fields: readonly (readonly [string, string])[]): string {
  if (fields.some(([name]) => Object.hasOwn(body.value, name))) {
    const out: Record<string, unknown> = { ...body.value };
    for (const [name, value] of fields) out[name] = value;
    return JSON.stringify(out);
  }
  let added = '';
  for (const [name, value] of fields) added += `,${jsonString(name)}:${jsonString(value)}`;
  const { text } = body;
  // Parsed as an object, so the text's last non-whitespace character is its closing brace.
  let end = text.lastIndexOf('}');
  while (end > 0 && isJsonSpace(text.charCodeAt(end - 1))) end--;
  // An empty object: the first field takes no comma.
  if (text.charCodeAt(end - 1) === 0x7b) added = added.slice(1);
  return `${text.slice(0, end)}${added}${text.slice(end)}`;
}

/** JSON's four whitespace characters (RFC 8259 section 2). */
function isJsonSpace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;
}

/** A JSON string literal; a hex or base64 signature and a field name are quoted without a call into JSON.stringify. */
function jsonString(text: string): string {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // What JSON.stringify would escape: control characters, '"', '\\', surrogates.
    if (code < 0x20 || code === 0x22 || code === 0x5c || (code >= 0xd800 && code <= 0xdfff)) return JSON.stringify(text);
  }
  return `"${text}"`;
}
