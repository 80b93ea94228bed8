import type { MultipartPart } from '../../contract/workspace.ts';

/** One `;`-separated piece of a -F value; a double-quoted piece keeps `;` and `,`, with `\` escaping `"` and `\`. */
function readPiece(text: string, start: number): [value: string, next: number] {
  if (text[start] !== '"') {
    const end = text.indexOf(';', start);
    return end < 0 ? [text.slice(start), text.length] : [text.slice(start, end), end];
  }
  let out = '';
  let i = start + 1;
  for (; i < text.length && text[i] !== '"'; i++) out += (text[i] === '\\' && i + 1 < text.length ? text[++i] : text[i]) ?? '';
  const end = text.indexOf(';', i);
  return [out, end < 0 ? text.length : end];
}

/** `-F name=@path;type=…;filename=…` (curl's syntax) as a file part; other `;key=` options (headers, encoder) are not kept. */
export function formFilePart(name: string, spec: string): MultipartPart {
  const [path, afterPath] = readPiece(spec, 0);
  const part: { contentType?: string; fileName?: string } = {};
  let at = afterPath;
  while (at < spec.length) {
    const eq = spec.indexOf('=', at + 1);
    if (eq < 0) break;
    const key = spec.slice(at + 1, eq).trim().toLowerCase();
    const [value, next] = readPiece(spec, eq + 1);
    if (key === 'type') part.contentType = value;
    if (key === 'filename') part.fileName = value;
    at = next;
  }
  return { kind: 'file', name, path, enabled: true, ...part };
}
