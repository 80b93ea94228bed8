/**
 * The few DER encodings an EncryptedPrivateKeyInfo needs. Writing only,
 * never parsing: reading keys is left to OpenSSL through node:crypto.
 */
export function derLength(length: number): Buffer {
  if (length < 0x80) return Buffer.from([length]);
  const bytes: number[] = [];
  for (let rest = length; rest > 0; rest = Math.floor(rest / 256)) bytes.unshift(rest % 256);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

const tagged = (tag: number, content: Buffer): Buffer => Buffer.concat([Buffer.from([tag]), derLength(content.length), content]);

export const derSequence = (...items: Buffer[]): Buffer => tagged(0x30, Buffer.concat(items));
export const derOctetString = (bytes: Buffer): Buffer => tagged(0x04, bytes);
export const derNull = (): Buffer => Buffer.from([0x05, 0x00]);

/** A non-negative INTEGER, with the leading zero DER needs when the top bit is set. */
export function derUnsignedInteger(value: number): Buffer {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError('DER integers here are non-negative safe integers.');
  const bytes: number[] = [];
  for (let rest = value; rest > 0; rest = Math.floor(rest / 256)) bytes.unshift(rest % 256);
  if (bytes.length === 0 || (bytes[0] ?? 0) >= 0x80) bytes.unshift(0);
  return tagged(0x02, Buffer.from(bytes));
}

/** An OBJECT IDENTIFIER from its dotted form. */
export function derObjectIdentifier(dotted: string): Buffer {
  const arcs = dotted.split('.').map(Number);
  const [first = 0, second = 0, ...rest] = arcs;
  const body: number[] = [first * 40 + second];
  for (const arc of rest) {
    const groups: number[] = [arc % 128];
    for (let value = Math.floor(arc / 128); value > 0; value = Math.floor(value / 128)) groups.unshift((value % 128) | 0x80);
    body.push(...groups);
  }
  return tagged(0x06, Buffer.from(body));
}
