import type { ContractErrorShape, ErrorCode, ErrorIssue } from '../../../main/contract/index.ts';

/** A failed call, as the renderer sees it: a stable code and a message meant for people. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly issues: ErrorIssue[] | undefined;
  constructor(shape: ContractErrorShape) {
    super(shape.message);
    this.name = 'ApiError';
    this.code = shape.code;
    this.issues = shape.issues;
  }
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
