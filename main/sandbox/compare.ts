import { createHash, timingSafeEqual } from 'node:crypto';

/** Constant-time text comparison (hashing first evens out the lengths). */
export function sameText(a: string, b: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();
  return timingSafeEqual(digest(a), digest(b));
}
