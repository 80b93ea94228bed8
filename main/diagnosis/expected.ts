import type { ExpectedFromGateway } from '../contract/diagnosis.ts';
import { ServiceError } from '../contract/errors.ts';
import { percentDecode } from '../signing/percent-encode.ts';

/** A signature as both encodings, so a pasted hex or base64 value compares with either. */
export type SignatureForms = { readonly hex: string; readonly base64: string; readonly as: 'hex' | 'base64' };

/** What the user pasted, understood. */
export type ParsedExpected = {
  readonly baseString: string | undefined;
  readonly signature: SignatureForms | undefined;
  /** Epoch ms of the gateway's clock, when a Date was given. */
  readonly serverDateMs: number | undefined;
  /** From a raw request: the parts the diagnosis can use. */
  readonly raw: RawRequest | undefined;
  /** The signature the raw request carries: what the gateway received, not what it expected. */
  readonly rawSignature: SignatureForms | undefined;
};

export type RawRequest = {
  readonly method: string;
  readonly target: string;
  readonly headers: readonly (readonly [string, string])[];
  readonly body: string;
};

const OAUTH_SIGNATURE = /oauth_signature="([^"]*)"/;

/** Hex (even length, 32+ digits) or base64; a pasted header line, quotes and percent-encoding are taken off. */
export function parseSignature(text: string): SignatureForms | undefined {
  let value = text.trim();
  const inHeader = OAUTH_SIGNATURE.exec(value)?.[1];
  if (inHeader !== undefined) value = inHeader;
  value = value.replace(/^(x-signature|signature|hmac|oauth_signature)\s*[:=]\s*/i, '').trim().replace(/^"|"$/g, '');
  if (value.includes('%')) value = percentDecode(value);
  if (value === '') return undefined;
  if (/^[0-9a-fA-F]+$/.test(value) && value.length % 2 === 0 && value.length >= 32) {
    const hex = value.toLowerCase();
    return { hex, base64: Buffer.from(hex, 'hex').toString('base64'), as: 'hex' };
  }
  if (/^[A-Za-z0-9+/_-]+={0,2}$/.test(value)) {
    const bytes = Buffer.from(value.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
    return { hex: bytes.toString('hex'), base64: bytes.toString('base64'), as: 'base64' };
  }
  return undefined;
}

/** A request as a gateway logs it: request line, headers, a blank line, the body. */
export function parseRawRequest(text: string): RawRequest | undefined {
  const normalized = text.replace(/\r\n/g, '\n').replace(/^\s+/, '');
  const blank = normalized.indexOf('\n\n');
  const head = blank === -1 ? normalized : normalized.slice(0, blank);
  const body = blank === -1 ? '' : normalized.slice(blank + 2).replace(/\n$/, '');
  const [requestLine = '', ...headerLines] = head.split('\n');
  const match = /^([A-Z]+)\s+(\S+)(\s+HTTP\/[\d.]+)?$/.exec(requestLine.trim());
  if (match === null) return undefined;
  const headers = headerLines
    .map((line) => {
      const colon = line.indexOf(':');
      return colon <= 0 ? undefined : ([line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim()] as const);
    })
    .filter((h) => h !== undefined);
  return { method: match[1] ?? 'GET', target: match[2] ?? '/', headers, body };
}

export function rawHeader(raw: RawRequest, name: string): string | undefined {
  return raw.headers.find(([key]) => key === name)?.[1];
}

/** The signature a raw request carries: OAuth's, PayNet's X-Signature, or a JSON body's hmac field. */
function signatureInRaw(raw: RawRequest): string | undefined {
  const authorization = rawHeader(raw, 'authorization');
  const oauth = authorization === undefined ? undefined : OAUTH_SIGNATURE.exec(authorization)?.[1];
  if (oauth !== undefined) return oauth;
  const xSignature = rawHeader(raw, 'x-signature');
  if (xSignature !== undefined) return xSignature;
  try {
    const json: unknown = JSON.parse(raw.body);
    const hmac = typeof json === 'object' && json !== null ? (json as Record<string, unknown>).hmac : undefined;
    if (typeof hmac === 'string') return hmac;
  } catch {
    // Not JSON: a form body's oauth_signature, if any.
  }
  const form = new URLSearchParams(raw.body).get('oauth_signature');
  return form ?? undefined;
}

function dateMs(text: string | undefined): number | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  const trimmed = text.trim();
  const ms = /^\d{9,11}$/.test(trimmed) ? Number(trimmed) * 1000 : Date.parse(trimmed);
  return Number.isFinite(ms) ? ms : undefined;
}

/** Reads what was pasted; a signature that is neither hex nor base64, or a raw request without a request line, is refused with what to paste. */
export function parseExpected(input: ExpectedFromGateway): ParsedExpected {
  const raw = input.rawRequest === undefined || input.rawRequest.trim() === '' ? undefined : parseRawRequest(input.rawRequest);
  if (input.rawRequest !== undefined && input.rawRequest.trim() !== '' && raw === undefined) {
    throw new ServiceError('invalid_input', 'The raw request does not start with a request line such as "POST /path HTTP/1.1": paste it from the gateway\'s log as it arrived, headers and body included.');
  }
  const signatureText = input.signature?.trim() || input.xSignature?.trim() || undefined;
  const signature = signatureText === undefined ? undefined : parseSignature(signatureText);
  if (signatureText !== undefined && signature === undefined) {
    throw new ServiceError('invalid_input', 'The expected signature is neither hex nor base64: paste the value alone, or the whole Authorization or X-Signature line.');
  }
  const carried = raw === undefined ? undefined : signatureInRaw(raw);
  const baseString = input.baseString === undefined || input.baseString.trim() === '' ? undefined : input.baseString.replace(/\r?\n$/, '');
  return {
    baseString,
    signature,
    serverDateMs: dateMs(input.serverDate) ?? dateMs(raw === undefined ? undefined : rawHeader(raw, 'date')),
    raw,
    rawSignature: carried === undefined ? undefined : parseSignature(carried),
  };
}

export function isEmpty(expected: ParsedExpected): boolean {
  return expected.baseString === undefined && expected.signature === undefined && expected.serverDateMs === undefined && expected.raw === undefined;
}
