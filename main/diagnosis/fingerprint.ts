import { createHash } from 'node:crypto';

/**
 * Tells two values of one vault secret apart without showing either: a
 * truncated SHA-256 salted with the environment and name, so the same value
 * under another name does not give away that it is the same.
 */
export function secretFingerprint(environment: string, name: string, value: string): string {
  const digest = createHash('sha256').update(`countersign secret fingerprint v1\0${environment}\0${name}\0`).update(value, 'utf8').digest('hex');
  return `sha256:${digest.slice(0, 16)}`;
}
