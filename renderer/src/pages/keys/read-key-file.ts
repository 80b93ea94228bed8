import type { KeyMaterial } from '../../../../main/contract/keys.ts';
import { formatBytes } from '../../format/bytes.ts';
import { MAX_KEY_FILE_BYTES } from './limits.ts';

/**
 * A picked private key file as import material: PEM when the bytes read as
 * text with a PEM header, otherwise DER sent as base64 (the bridge carries strings).
 */
export async function readKeyFile(file: File): Promise<KeyMaterial> {
  if (file.size > MAX_KEY_FILE_BYTES) {
    throw new Error(
      `${file.name} is ${formatBytes(file.size)}; a private key file is at most ${formatBytes(MAX_KEY_FILE_BYTES)}. Choose the key file itself.`,
    );
  }
  if (file.size === 0) throw new Error(`${file.name} is empty. Choose the file that holds the private key.`);
  const bytes = new Uint8Array(await file.arrayBuffer());
  const text = new TextDecoder('utf-8').decode(bytes);
  if (text.includes('-----BEGIN')) return { encoding: 'pem', text };
  return { encoding: 'der', base64: toBase64(bytes) };
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}
