import { protocolError } from './errors.ts';

export interface HeadLimits {
  /** Status line + headers + the blank line, in bytes. */
  maxHeadBytes: number;
  maxHeaders: number;
}

/** Same size limit as Node's and undici's default (16 KiB); the count bounds the summary. */
export const DEFAULT_HEAD_LIMITS: HeadLimits = { maxHeadBytes: 16 * 1024, maxHeaders: 256 };

export interface ResponseHead {
  status: number;
  statusText: string;
  /** Lower-cased names, values without surrounding whitespace, in the order received. */
  headers: Array<[string, string]>;
  /** Bytes the head took, including the blank line. */
  headBytes: number;
}

const CRLFCRLF = Buffer.from('\r\n\r\n');
// Reason phrase: HTAB, SP, VCHAR, obs-text (RFC 9112 section 4).
const STATUS_LINE = /^HTTP\/1\.[01] ([1-9]\d\d)(?: ([\t\x20-\x7e\x80-\xff]*))?$/;
const FIELD_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
// Field value characters: HTAB, SP, VCHAR, obs-text. No NUL, no other controls, no DEL.
const FIELD_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;

/**
 * Parses a response head from the start of `data`. Null while the blank line
 * has not arrived yet (and the limit is not exceeded). Strict on purpose: a
 * bare CR or LF, obs-fold, a space before the colon or a control byte is
 * refused rather than guessed at, so nothing can be smuggled between headers.
 */
export function parseResponseHead(data: Buffer, limits: HeadLimits = DEFAULT_HEAD_LIMITS): ResponseHead | null {
  const end = data.indexOf(CRLFCRLF);
  if (end === -1 || end + 4 > limits.maxHeadBytes) {
    if (data.length > limits.maxHeadBytes || end !== -1) throw protocolError('response head too large');
    return null;
  }
  const lines = data.toString('latin1', 0, end).split('\r\n');
  for (const line of lines) {
    if (line.includes('\r') || line.includes('\n')) throw protocolError('bare CR or LF in the response head');
  }
  const status = STATUS_LINE.exec(lines[0] ?? '');
  if (!status) throw protocolError('invalid status line');
  if (lines.length - 1 > limits.maxHeaders) throw protocolError('too many response headers');
  const headers: Array<[string, string]> = [];
  for (const line of lines.slice(1)) headers.push(parseField(line));
  return { status: Number(status[1]), statusText: status[2] ?? '', headers, headBytes: end + 4 };
}

/** One `name: value` line (also used for chunked trailers). */
export function parseField(line: string): [string, string] {
  if (line.startsWith(' ') || line.startsWith('\t')) throw protocolError('obsolete line folding');
  const colon = line.indexOf(':');
  if (colon <= 0) throw protocolError('header line without a name');
  const name = line.slice(0, colon);
  if (!FIELD_NAME.test(name)) throw protocolError('invalid header name');
  const value = line.slice(colon + 1).replace(/^[\t ]+|[\t ]+$/g, '');
  if (!FIELD_VALUE.test(value)) throw protocolError('invalid byte in a header value');
  return [name.toLowerCase(), value];
}
