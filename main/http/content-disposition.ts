// Reads the file name a server proposes in Content-Disposition (RFC 6266).
// The RFC 5987 form (filename*=charset'lang'pct-encoded) wins over the plain
// one, as the RFC asks. The result is untrusted: pass it to sanitizeFileName.

interface Param {
  name: string;
  value: string;
}

/** Splits `attachment; a=b; c="d;e"` into parameters, honouring quoted strings. */
function parseParams(header: string): Param[] {
  const params: Param[] = [];
  let i = header.indexOf(';');
  if (i < 0) return params;
  i += 1;
  while (i < header.length) {
    while (i < header.length && (header[i] === ' ' || header[i] === '\t' || header[i] === ';')) i += 1;
    const eq = header.indexOf('=', i);
    if (eq < 0) break;
    const name = header.slice(i, eq).trim().toLowerCase();
    i = eq + 1;
    while (i < header.length && (header[i] === ' ' || header[i] === '\t')) i += 1;
    let value = '';
    if (header[i] === '"') {
      i += 1;
      while (i < header.length && header[i] !== '"') {
        // A backslash quotes the next character inside a quoted-string.
        if (header[i] === '\\' && i + 1 < header.length) i += 1;
        value += header[i] ?? '';
        i += 1;
      }
      i += 1;
      const semi = header.indexOf(';', i);
      i = semi < 0 ? header.length : semi + 1;
    } else {
      const semi = header.indexOf(';', i);
      const end = semi < 0 ? header.length : semi;
      value = header.slice(i, end).trim();
      i = end + 1;
    }
    params.push({ name, value });
  }
  return params;
}

function decodeExtValue(value: string): string | null {
  const match = /^([^']*)'[^']*'(.*)$/.exec(value);
  if (!match) return null;
  const charset = (match[1] ?? '').toLowerCase();
  const encoded = match[2] ?? '';
  const bytes: number[] = [];
  for (let i = 0; i < encoded.length; i += 1) {
    const ch = encoded.charCodeAt(i);
    if (ch === 0x25 /* % */ && /^[0-9a-fA-F]{2}$/.test(encoded.slice(i + 1, i + 3))) {
      bytes.push(Number.parseInt(encoded.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(ch & 0xff);
    }
  }
  const buffer = Buffer.from(bytes);
  if (charset === 'utf-8' || charset === 'utf8') {
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(buffer);
    } catch {
      return null;
    }
  }
  if (charset === 'iso-8859-1' || charset === 'latin1') return buffer.toString('latin1');
  return null;
}

/** The proposed file name, undecorated and unsanitized, or null when there is none. */
export function fileNameFromContentDisposition(header: string | null | undefined): string | null {
  if (!header) return null;
  const params = parseParams(header);
  const extended = params.find((p) => p.name === 'filename*');
  if (extended) {
    const decoded = decodeExtValue(extended.value);
    if (decoded !== null && decoded !== '') return decoded;
  }
  const plain = params.find((p) => p.name === 'filename');
  return plain && plain.value !== '' ? plain.value : null;
}
