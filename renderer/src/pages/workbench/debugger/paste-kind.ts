import type { ExpectedFromGateway } from '../../../../../main/contract/diagnosis.ts';

/** What the user pasted from the gateway: each kind maps to one field of ExpectedFromGateway. */
export type PasteKind = 'baseString' | 'signature' | 'xSignature' | 'rawRequest';

type PasteKindInfo = { kind: PasteKind; label: string; hint: string };

export const PASTE_KINDS: PasteKindInfo[] = [
  { kind: 'baseString', label: 'Expected base string', hint: 'The string the gateway signed (Elecsnet’s sandbox-signature-base-string, CENTAGATE’s concatenation, PayNet’s timestamp).' },
  { kind: 'signature', label: 'Expected signature', hint: 'Hex or base64, percent-encoded, or a whole Authorization: OAuth … header.' },
  { kind: 'xSignature', label: 'Expected X-Signature', hint: 'PayNet: the hex X-Signature the server computed, or the whole X-Signature: … line.' },
  { kind: 'rawRequest', label: 'Raw request', hint: 'A full HTTP request from the gateway’s logs: request line, headers, blank line, body.' },
];

export function pasteKindInfo(kind: PasteKind): PasteKindInfo {
  return PASTE_KINDS.find((entry) => entry.kind === kind) ?? { kind, label: kind, hint: '' };
}

const METHOD_LINE = /^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) \S+( HTTP\/\d(\.\d)?)?\r?\n[\w-]+:/;

/** A best guess at what was pasted, so the right field is usually preselected; null when nothing stands out. */
export function guessPasteKind(text: string): PasteKind | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  if (METHOD_LINE.test(trimmed)) return 'rawRequest';
  if (/^x-signature\s*:/i.test(trimmed)) return 'xSignature';
  if (/^(authorization\s*:\s*)?oauth\s/i.test(trimmed)) return 'signature';
  if (/^[A-Z]+&[^&\s]*%3A%2F%2F/.test(trimmed)) return 'baseString';
  // A timestamp is what PayNet signs; whole seconds or milliseconds.
  if (/^\d{10,13}$/.test(trimmed)) return 'baseString';
  if (/^[0-9a-f]{32,}$/i.test(trimmed) || /^[A-Za-z0-9+/_%-]{20,}={0,2}$/.test(trimmed)) return 'signature';
  return null;
}

/** The channel's `expected` for one paste (possibly empty) and an optional server Date. */
export function expectedFrom(kind: PasteKind, text: string, serverDate: string): ExpectedFromGateway {
  // Nothing pasted: a History entry is then checked for the clock only.
  const expected: ExpectedFromGateway = text.trim() === '' ? {} : { [kind]: kind === 'baseString' || kind === 'rawRequest' ? text : text.trim() };
  if (serverDate.trim()) expected.serverDate = serverDate.trim();
  return expected;
}
