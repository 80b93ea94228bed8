/**
 * Vault slot naming and suggested export file names. A rotated-in key waits
 * in its own slot; `:` cannot appear in a key name (but can in a vault secret
 * name), so the slot never clashes with a user's key.
 */
const ROTATION_SUFFIX = ':next';

export const rotationSlot = (name: string): string => `${name}${ROTATION_SUFFIX}`;
export const isRotationSlot = (slot: string): boolean => slot.endsWith(ROTATION_SUFFIX);
export const nameOfRotationSlot = (slot: string): string => slot.slice(0, -ROTATION_SUFFIX.length);

export type ExportKind = 'public' | 'private-pkcs8' | 'private-pkcs8-encrypted' | 'private-pkcs1';

/** e.g. `sandbox-elecsnet-public.pem`; the environment is reduced to file-safe characters. */
export function exportFileName(environment: string, name: string, kind: ExportKind): string {
  const safeEnvironment = environment.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^[._]+/, '') || 'env';
  return `${safeEnvironment}-${name}-${kind}.pem`;
}
