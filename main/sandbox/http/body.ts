/** Reads small request bodies (JSON, forms, PEM) with a size cap. */
import type { IncomingMessage } from 'node:http';
import { SandboxHttpError } from './http-error.ts';

export const MAX_REQUEST_BODY_BYTES = 1024 * 1024;

export async function readBody(req: IncomingMessage, limit = MAX_REQUEST_BODY_BYTES): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    throw new SandboxHttpError(413, `Request body of ${declared} bytes is larger than the sandbox accepts (${limit}).`);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > limit) throw new SandboxHttpError(413, `Request body is larger than the sandbox accepts (${limit} bytes).`);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

export async function readJsonObject(req: IncomingMessage): Promise<Record<string, unknown>> {
  const text = (await readBody(req)).toString('utf8');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new SandboxHttpError(400, 'The request body is not valid JSON.');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new SandboxHttpError(400, 'The request body must be a JSON object.');
  }
  return parsed as Record<string, unknown>;
}

/** The media type without parameters, lower-cased ("" when absent). */
export function mediaType(req: IncomingMessage): string {
  return (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

export function requireMediaType(req: IncomingMessage, expected: string): void {
  const actual = mediaType(req);
  if (actual !== expected) {
    throw new SandboxHttpError(415, `Content-Type must be ${expected}, not "${actual || '(none)'}".`);
  }
}
