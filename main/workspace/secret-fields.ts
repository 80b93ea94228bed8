import type { AuthStep } from '../contract/auth.ts';
import type { SecretToStore } from './import-result.ts';
import { ServiceError } from '../contract/errors.ts';
import { allSchemes, secretFieldsOf } from '../signing/schemes/index.ts';
import type { AuthSetting, WorkspaceDocument } from '../contract/workspace.ts';

type SecretKind = SecretToStore['kind'];

/**
 * The fields of each scheme that hold a secret, and what kind of vault entry
 * fits them: read from the scheme modules' editor fields (main/signing/schemes/),
 * so a scheme's secret fields are written in one place.
 */
export const SECRET_FIELDS: Readonly<Record<AuthStep['type'], readonly SecretField[]>> = secretFieldsByScheme();

type SecretField = readonly [field: string, kind: SecretKind];

function secretFieldsByScheme(): Record<AuthStep['type'], readonly SecretField[]> {
  const table: Partial<Record<AuthStep['type'], readonly SecretField[]>> = {};
  for (const scheme of allSchemes()) table[scheme.type] = secretFieldsOf(scheme);
  // The registry holds a module for every scheme of the contract (the compiler checks it there).
  return table as Record<AuthStep['type'], readonly SecretField[]>;
}

// Only templates (a vault reference `{{secret:name}}`, or a variable), with nothing typed in around them.
const ONLY_TEMPLATES = /^\s*(\{\{[^{}]+\}\}\s*)*$/;

export function isReferenceOnly(value: string): boolean {
  return ONLY_TEMPLATES.test(value);
}

export function secretTemplate(name: string): string {
  return `{{secret:${name}}}`;
}

function fieldValue(step: AuthStep, field: string): unknown {
  return (step as Record<string, unknown>)[field];
}

/** `oauth1.consumerSecret`-style names of secret fields that hold a typed-in value. */
export function literalSecretFields(steps: readonly AuthStep[]): string[] {
  const found: string[] = [];
  for (const step of steps) {
    for (const [field] of SECRET_FIELDS[step.type]) {
      const value = fieldValue(step, field);
      if (typeof value === 'string' && !isReferenceOnly(value)) found.push(`${step.type}.${field}`);
    }
  }
  return found;
}

/** Refuses an auth setting that would write a secret value into the workspace (the message names fields, never values). */
export function assertNoLiteralSecrets(auth: AuthSetting, where: string): void {
  if (auth.mode !== 'chain') return;
  const fields = literalSecretFields(auth.steps);
  if (fields.length === 0) return;
  throw new ServiceError(
    'invalid_input',
    `${where}: ${fields.join(', ')} must reference a vault entry as {{secret:name}}; secret values are not stored in the workspace.`,
    fields.map((field) => ({ path: `auth.${field}`, message: 'Reference a vault entry as {{secret:name}}.' })),
  );
}

/**
 * Moves every typed-in secret of a step out to `sink` under a fresh vault name
 * and leaves `{{secret:name}}` in its place. `nameFor` proposes a name for a field.
 */
export function extractSecrets(step: AuthStep, nameFor: (field: string, kind: SecretKind) => string, sink: SecretToStore[]): AuthStep {
  const copy = { ...step } as Record<string, unknown>;
  for (const [field, kind] of SECRET_FIELDS[step.type]) {
    const value = copy[field];
    if (typeof value !== 'string' || isReferenceOnly(value)) continue;
    const existing = sink.find((entry) => entry.value === value && entry.kind === kind);
    const name = existing?.name ?? nameFor(field, kind);
    if (!existing) sink.push({ name, value, kind });
    copy[field] = secretTemplate(name);
  }
  return copy as AuthStep;
}

const SECRET_REFERENCE = /\{\{\s*secret:\s*([^{}]+?)\s*\}\}/g;

/** Every vault name the workspace mentions (environment lists and auth references), so new names do not clash. */
export function secretNamesInUse(doc: WorkspaceDocument): Set<string> {
  const names = new Set<string>();
  for (const node of Object.values(doc.nodes)) {
    if (node.kind === 'collection') for (const env of node.environments) for (const name of env.secrets) names.add(name);
    if (node.auth.mode !== 'chain') continue;
    for (const step of node.auth.steps) {
      for (const value of Object.values(step)) {
        if (typeof value !== 'string') continue;
        for (const match of value.matchAll(SECRET_REFERENCE)) if (match[1] !== undefined) names.add(match[1]);
      }
    }
  }
  return names;
}
