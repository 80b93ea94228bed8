import SwaggerParser from '@apidevtools/swagger-parser';
import { parse as parseYaml } from 'yaml';
import { ServiceError } from '../../contract/errors.ts';
import { isSwagger2Text } from './detect.ts';
import { obj, str, type Json } from './json-reading.ts';

/**
 * Reads an OpenAPI 3.0/3.1 document from JSON or YAML text and resolves its
 * `$ref`s with swagger-parser. Only references inside the document are
 * followed: an import never reads other files or the network. A document
 * that does not validate is still imported as far as it can be read, with
 * the validator's complaint as the first warning.
 */
export async function readOpenApi(text: string): Promise<{ document: Json; warnings: string[] }> {
  if (isSwagger2Text(text)) throw new ServiceError('invalid_input', 'This is a Swagger 2.0 document: Countersign imports OpenAPI 3.0 and 3.1. Convert it first (e.g. with swagger2openapi).');
  let parsed: unknown;
  try {
    parsed = text.trimStart().startsWith('{') ? JSON.parse(text) : parseYaml(text, { maxAliasCount: 100 });
  } catch (error) {
    throw new ServiceError('invalid_input', `The file is neither JSON nor YAML: ${error instanceof Error ? error.message.split('\n')[0] ?? '' : 'unreadable'}`);
  }
  const root = obj(parsed);
  const version = str(root?.openapi);
  if (!root || version === undefined || !/^3\.[01]\./.test(`${version}.`)) {
    throw new ServiceError('invalid_input', `The file is not an OpenAPI 3.0 or 3.1 document (it has no "openapi: 3.0.x" or "3.1.x" line${version ? `; it says ${version}` : ''}).`);
  }
  const options = { resolve: { external: false }, dereference: { circular: 'ignore' as const } };
  try {
    return { document: obj(await SwaggerParser.validate(structuredClone(root) as never, options)) ?? root, warnings: [] };
  } catch (validation) {
    const why = validation instanceof Error ? firstLine(validation.message) : 'it did not validate';
    try {
      const document = obj(await SwaggerParser.dereference(structuredClone(root) as never, options)) ?? root;
      return { document, warnings: [`The document is not valid OpenAPI (${why}); what could be read was imported.`] };
    } catch (error) {
      throw new ServiceError('invalid_input', `The OpenAPI document cannot be read: ${error instanceof Error ? firstLine(error.message) : why}`);
    }
  }
}

function firstLine(message: string): string {
  const line = message.split('\n').find((part) => part.trim() !== '') ?? message;
  return line.length > 300 ? `${line.slice(0, 300)}…` : line;
}
