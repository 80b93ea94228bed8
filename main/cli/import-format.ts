import { readFile } from 'node:fs/promises';
import { isOpenApiText } from '../workspace/openapi/detect.ts';
import { EXIT } from './exit-codes.ts';
import { CliError } from './io.ts';

/** `countersign import FILE`: the kind is read from the file (OpenAPI 3, a Countersign export, else Postman). */
export async function detectImportFormat(file: string): Promise<'openapi' | 'collection' | 'postman'> {
  const text = await readFile(file, 'utf8').catch(() => {
    throw new CliError(`Cannot read "${file}".`, EXIT.usage);
  });
  if (isOpenApiText(text)) return 'openapi';
  return /"format"\s*:\s*"countersign\.collection"/.test(text.slice(0, 4096)) ? 'collection' : 'postman';
}

const FORMATS = ['postman', 'collection', 'openapi', 'curl'];

/** The positionals with the format filled in when only a file was given. */
export async function withDetectedFormat(positionals: string[]): Promise<string[]> {
  const [first] = positionals;
  if (positionals.length !== 1 || first === undefined || FORMATS.includes(first)) return positionals;
  return [await detectImportFormat(first), first];
}
