import type { BodyPreview } from '../contract/http.ts';

const TEXT_TYPES = /^(text\/|application\/([\w.+-]*\+)?(json|xml|x-www-form-urlencoded|javascript|csv|yaml)\b)/i;

/**
 * Text when the bytes are UTF-8 (or the content type says text), base64
 * otherwise. A preview cut mid-character loses the partial character only.
 */
export function encodePreview(bytes: Buffer, truncated: boolean, contentType: string | null): BodyPreview {
  const declaredText = contentType !== null && TEXT_TYPES.test(contentType);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  // Up to three trailing bytes may be the start of a character cut by the limit.
  for (let cut = 0; cut <= (truncated ? 3 : 0) && cut <= bytes.length; cut += 1) {
    try {
      const data = decoder.decode(bytes.subarray(0, bytes.length - cut));
      if (declaredText || !looksBinary(data)) return { encoding: 'utf8', data, truncated };
      break;
    } catch {
      // try a shorter cut
    }
  }
  return { encoding: 'base64', data: bytes.toString('base64'), truncated };
}

/** Valid UTF-8 can still be binary: NULs and other C0 controls (bar tab/CR/LF) give it away. */
function looksBinary(text: string): boolean {
  // eslint-disable-next-line no-control-regex
  return /[\u0000-\u0008\u000e-\u001a\u001c-\u001f]/.test(text);
}
