// Turns an untrusted name (from a server or a URL) into one safe to create in
// a chosen folder on Linux, macOS and Windows alike.

const MAX_NAME_BYTES = 200;
const FALLBACK = 'download';

// Device names Windows reserves whatever the extension ("nul.txt" too).
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)$/i;

// Control characters, characters Windows forbids, and bidirectional overrides
// that would let "evil\u202Etxt.exe" pose as a text file.
// eslint-disable-next-line no-control-regex
const UNSAFE_CHARS = /[\u0000-\u001f\u007f-\u009f<>:"|?*\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

function truncateUtf8(name: string, maxBytes: number): string {
  if (Buffer.byteLength(name) <= maxBytes) return name;
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 && name.length - dot <= 16 ? name.slice(dot) : '';
  let stem = name.slice(0, name.length - ext.length);
  const budget = maxBytes - Buffer.byteLength(ext);
  // Cut by code points so a multi-byte character is never split.
  const chars = Array.from(stem);
  while (chars.length > 0 && Buffer.byteLength(chars.join('')) > budget) chars.pop();
  stem = chars.join('');
  return stem + ext;
}

/**
 * A file name with no directory part, no control or reserved characters, no
 * leading dots, not a Windows device name, at most 200 UTF-8 bytes. Falls back
 * to `fallback` when nothing usable is left.
 */
export function sanitizeFileName(raw: string, fallback = FALLBACK): string {
  // Keep only the last path segment, whichever separator the sender used, so
  // "../../x", "/etc/passwd" and "C:\\x\\y" all lose their directories.
  const lastSegment = raw.split(/[/\\]/).pop() ?? '';
  let name = lastSegment.normalize('NFC').replace(UNSAFE_CHARS, '');
  name = name.replace(/^[.\s]+/, '').replace(/[.\s]+$/, '');
  if (name === '') return fallback === FALLBACK ? FALLBACK : sanitizeFileName(fallback);
  const stem = name.split('.')[0] ?? '';
  if (WINDOWS_RESERVED.test(stem.trim())) name = `_${name}`;
  return truncateUtf8(name, MAX_NAME_BYTES);
}

/** The last non-empty path segment of a URL, percent-decoded, or null. */
export function fileNameFromUrl(url: string): string | null {
  let segment: string | undefined;
  try {
    segment = new URL(url).pathname.split('/').filter((s) => s !== '').pop();
  } catch {
    return null;
  }
  if (segment === undefined) return null;
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
