import type { BodyPreview } from '../../../../main/contract/http.ts';

/** Parsed JSON, or undefined when the preview is not (complete) JSON. */
export function parseJsonPreview(preview: BodyPreview): unknown {
  if (preview.encoding !== 'utf8' || preview.truncated) return undefined;
  try {
    return JSON.parse(preview.data) as unknown;
  } catch {
    return undefined;
  }
}

const HEX_LIMIT = 64 * 1024;

/** A classic hex dump (offset, 16 bytes, printable characters) of the first 64 KiB. */
export function hexDump(preview: BodyPreview): string {
  // Decode only what is shown: a preview can be megabytes of base64.
  const bytes =
    preview.encoding === 'base64'
      ? Uint8Array.from(atob(preview.data.slice(0, Math.ceil((HEX_LIMIT + 16) / 3) * 4)), (char) => char.charCodeAt(0))
      : new TextEncoder().encode(preview.data.slice(0, HEX_LIMIT + 16));
  const lines: string[] = [];
  const end = Math.min(bytes.length, HEX_LIMIT);
  for (let offset = 0; offset < end; offset += 16) {
    const row = bytes.subarray(offset, Math.min(offset + 16, end));
    const hex = Array.from(row, (byte) => byte.toString(16).padStart(2, '0')).join(' ');
    const ascii = Array.from(row, (byte) => (byte >= 0x20 && byte < 0x7f ? String.fromCharCode(byte) : '.')).join('');
    lines.push(`${offset.toString(16).padStart(8, '0')}  ${hex.padEnd(47)}  ${ascii}`);
  }
  if (bytes.length > end || preview.truncated) lines.push('… only the first 64 KiB are shown');
  return lines.join('\n');
}

/** Offers the previewed body as a file download (only complete previews: a truncated one would be a wrong file). */
export function downloadPreview(preview: BodyPreview, fileName: string, contentType: string | null): void {
  const bytes = preview.encoding === 'base64' ? Uint8Array.from(atob(preview.data), (char) => char.charCodeAt(0)) : new TextEncoder().encode(preview.data);
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([bytes], { type: contentType ?? 'application/octet-stream' }));
  link.download = fileName;
  link.click();
  URL.revokeObjectURL(link.href);
}

/** A file name for a response: the URL's last path segment, else "response". */
export function responseFileName(url: string): string {
  try {
    const last = new URL(url).pathname.split('/').filter(Boolean).at(-1);
    return last ? decodeURIComponent(last) : 'response';
  } catch {
    return 'response';
  }
}
