import { open } from 'node:fs/promises';
import type { Assertion, AssertionResult } from '../contract/assertions.ts';
import type { HttpOutcome, ResponseSummary } from '../contract/http.ts';
import { evaluateAssertions, failAllWithoutResponse, type ResponseFacts } from './evaluate.ts';
import type { RedactText } from './json-values.ts';

/** A body saved to a file is read back for checking up to this size; a larger one is reported as not checked. */
export const MAX_CHECKED_BODY_BYTES = 32 * 1024 * 1024;

/**
 * The request service's one call after a send: evaluates the request's
 * assertions against the outcome. Undefined when the request has none, so a
 * send's answer only carries `assertions` where there are some. The caller
 * walks the results with the send's redactor like the rest of its answer, and
 * passes it as `redact` too: a value found is redacted before it is cut short.
 */
export async function assertResponse(assertions: readonly Assertion[] | undefined, outcome: HttpOutcome, redact?: RedactText): Promise<AssertionResult[] | undefined> {
  if (!assertions || assertions.length === 0) return undefined;
  if (!outcome.ok) return failAllWithoutResponse(assertions, outcome.error.message);
  const { response } = outcome;
  return evaluateAssertions(assertions, {
    status: response.status,
    headers: response.headers,
    totalMs: response.timing.totalMs,
    body: await bodyOf(response, needsBody(assertions)),
  }, redact);
}

function needsBody(assertions: readonly Assertion[]): boolean {
  return assertions.some((assertion) => assertion.enabled && (assertion.kind === 'jsonpath' || assertion.kind === 'json-schema' || assertion.kind === 'body-contains'));
}

async function bodyOf(response: ResponseSummary, wanted: boolean): Promise<ResponseFacts['body']> {
  if (!wanted) return { unavailable: 'not read' };
  const { preview, saved } = response;
  if (preview.encoding === 'utf8' && !preview.truncated) return { text: preview.data };
  if (saved !== null) {
    if (saved.bytes > MAX_CHECKED_BODY_BYTES) return { unavailable: `the body (${String(saved.bytes)} bytes) is larger than the ${String(MAX_CHECKED_BODY_BYTES / 1024 / 1024)} MiB that assertions read` };
    const text = await readText(saved.path, saved.bytes);
    if (text !== null) return { text };
  }
  if (preview.encoding !== 'utf8') return { unavailable: 'the body is binary' };
  return { unavailable: 'only the start of the body was kept, so it could not be checked whole' };
}

/** The saved body as text, or null when it is gone or is not text. */
async function readText(path: string, bytes: number): Promise<string | null> {
  const handle = await open(path, 'r').catch(() => null);
  if (handle === null) return null;
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return new TextDecoder('utf-8', { fatal: true }).decode(buffer.subarray(0, bytesRead));
  } catch {
    return null;
  } finally {
    await handle.close();
  }
}
