import { z } from 'zod';
import { ImportConflictMode, ImportSummary } from './workspace.ts';

// The doors refuse any string above 4 MiB characters (main/core/input-guard.ts) before a schema runs.
const MAX_IMPORT_CHARS = 4 * 1024 * 1024;

/**
 * OpenAPI 3.0/3.1 import (main/workspace/openapi). The Postman and collection
 * imports also take an OpenAPI document and route it here, so the import
 * dialog needs no choice of its own.
 */
export const openApiChannels = {
  'workspace:import-openapi': {
    input: z.strictObject({
      text: z.string().max(MAX_IMPORT_CHARS),
      secretsEnvironment: z.string().min(1).max(64).default('Sandbox'),
      /** As for the other imports: a same-named collection is refused unless this says what to do. */
      onConflict: ImportConflictMode.optional(),
    }),
    /** Warnings list what was not mapped: security schemes, cookie parameters, multipart bodies. */
    output: ImportSummary,
  },
} as const;
