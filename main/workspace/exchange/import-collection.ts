import { ServiceError } from '../../contract/errors.ts';
import { CollectionFile, COLLECTION_FORMAT, COLLECTION_FORMAT_VERSION } from './format.ts';

/** Parses a `countersign.collection` file; errors name the place, never echo values. */
export function parseCollectionFile(text: string): CollectionFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ServiceError('invalid_input', 'The file is not JSON.');
  }
  if (typeof json !== 'object' || json === null || (json as { format?: unknown }).format !== COLLECTION_FORMAT) {
    throw new ServiceError('invalid_input', `The file is not a ${COLLECTION_FORMAT} export.`);
  }
  const version = (json as { version?: unknown }).version;
  if (typeof version === 'number' && version > COLLECTION_FORMAT_VERSION) {
    throw new ServiceError(
      'invalid_input',
      `This file is from a newer Countersign (collection format version ${String(version)}); this one reads versions 1 to ${String(COLLECTION_FORMAT_VERSION)}. Update Countersign to import it.`,
    );
  }
  const parsed = CollectionFile.safeParse(json);
  if (!parsed.success) {
    throw new ServiceError(
      'invalid_input',
      `The collection file does not match format version ${String(version)}.`,
      parsed.error.issues.slice(0, 20).map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
    );
  }
  return parsed.data;
}
