/** One `-----BEGIN X----- ... -----END X-----` block found in pasted text. */
export type PemBlock = {
  label: string;
  /** The whole block, armour included, ready for node:crypto. */
  text: string;
  /** Legacy OpenSSL encryption (`Proc-Type: 4,ENCRYPTED`) inside a PKCS#1 block. */
  hasEncryptionHeader: boolean;
};

const BLOCK = /-----BEGIN ([A-Z0-9 ]{1,64})-----([\s\S]*?)-----END \1-----/g;

/**
 * Finds PEM blocks in text that may carry other things around them (a mail
 * signature, a certificate bundle), so the label alone tells what was pasted.
 */
export function findPemBlocks(input: string): PemBlock[] {
  const text = input.replace(/\r\n?/g, '\n');
  const blocks: PemBlock[] = [];
  for (const match of text.matchAll(BLOCK)) {
    const label = match[1] ?? '';
    const body = match[2] ?? '';
    const hasHeaders = body.includes(':');
    blocks.push({
      label,
      // Rebuilt (or, with legacy headers, trimmed), so a paste that lost its line breaks or gained indentation still reads.
      text: hasHeaders ? `${match[0].split('\n').map((line) => line.trim()).join('\n')}\n` : canonicalPem(label, body),
      hasEncryptionHeader: /^\s*Proc-Type:\s*4,\s*ENCRYPTED/m.test(body),
    });
  }
  return blocks;
}

function canonicalPem(label: string, body: string): string {
  const lines = body.replace(/\s+/g, '').match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

export function looksLikePem(bytes: Buffer): boolean {
  return bytes.subarray(0, 200).toString('latin1').includes('-----BEGIN ');
}
