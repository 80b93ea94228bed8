import { z } from 'zod';

/** Names shared by the workspace and the flow model (kept apart so neither imports the other). */
export const NodeId = z.string().min(1).max(64);
export type NodeId = z.infer<typeof NodeId>;

export const ItemName = z
  .string()
  .max(200)
  .refine((value) => value.trim().length > 0, 'A name cannot be empty.')
  .refine((value) => !/\p{Cc}/u.test(value), 'A name cannot hold control characters.');

/** Vault entry names, as main/contract/vault.ts spells them. */
export const SecretRefName = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[\p{L}\p{N}_.:@/-]+( [\p{L}\p{N}_.:@/-]+)*$/u, 'Use letters, digits and _ . : @ / - (single spaces inside).');
